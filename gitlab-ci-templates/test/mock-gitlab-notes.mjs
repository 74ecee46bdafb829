// A stand-in for GitLab's merge request notes API, enough for the mr-note job:
//   GET  /api/v4/projects/:id/merge_requests/:iid/notes?page=&per_page=   (paginated, oldest first)
//   POST /api/v4/projects/:id/merge_requests/:iid/notes                  {"body": ...} -> 201
//   PUT  /api/v4/projects/:id/merge_requests/:iid/notes/:note_id         {"body": ...} -> 200
// Every call needs the header PRIVATE-TOKEN: <MOCK_TOKEN> (else 401). It starts with MOCK_SEED unrelated
// notes, so finding the job's own note needs the second page. Listens on 127.0.0.1 only, writes its port to
// argv[2], appends one line per request ("METHOD /path?query status") to argv[3], and writes the notes other than
// the seeded ones as JSON to argv[4] after every change. Stops on SIGTERM or after 300 s.
import http from "node:http";
import fs from "node:fs";

const [portFile, logFile, notesFile] = process.argv.slice(2);
const token = process.env.MOCK_TOKEN ?? "test-token";
const notes = [];
let nextId = 1000;
for (let i = 0; i < Number(process.env.MOCK_SEED ?? 120); i++) {
    notes.push({id: nextId++, body: `unrelated review comment ${i}`, system: i % 10 === 0});
}

function send (res, status, value) {
    res.writeHead(status, {"Content-Type": "application/json"});
    res.end(JSON.stringify(value));
}

const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => { raw += chunk; });
    req.on("end", () => {
        const url = new URL(req.url, "http://127.0.0.1");
        const match = /^\/api\/v4\/projects\/[^/]+\/merge_requests\/\d+\/notes(?:\/(\d+))?$/.exec(url.pathname);
        let status;
        if (req.headers["private-token"] !== token) {
            status = 401;
            send(res, status, {message: "401 Unauthorized"});
        } else if (!match) {
            status = 404;
            send(res, status, {message: "404 Not Found"});
        } else if (req.method === "GET" && !match[1]) {
            const perPage = Math.min(Number(url.searchParams.get("per_page") ?? 20), 100);
            const page = Number(url.searchParams.get("page") ?? 1);
            status = 200;
            send(res, status, notes.slice((page - 1) * perPage, page * perPage));
        } else if (req.method === "POST" && !match[1]) {
            const note = {id: nextId++, body: JSON.parse(raw).body, system: false};
            notes.push(note);
            status = 201;
            send(res, status, note);
        } else if (req.method === "PUT" && match[1]) {
            const note = notes.find((n) => n.id === Number(match[1]));
            if (note) {
                note.body = JSON.parse(raw).body;
                status = 200;
                send(res, status, note);
            } else {
                status = 404;
                send(res, status, {message: "404 Note Not Found"});
            }
        } else {
            status = 405;
            send(res, status, {message: "405 Method Not Allowed"});
        }
        fs.appendFileSync(logFile, `${req.method} ${url.pathname}${url.search} ${status}\n`);
        if (req.method !== "GET") fs.writeFileSync(notesFile, JSON.stringify(notes.filter((n) => !n.body.startsWith("unrelated review comment")), null, 2));
    });
});
server.listen(0, "127.0.0.1", () => fs.writeFileSync(portFile, String(server.address().port)));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
setTimeout(() => process.exit(0), 300_000).unref();
