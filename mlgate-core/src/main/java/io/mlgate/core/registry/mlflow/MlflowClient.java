package io.mlgate.core.registry.mlflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgate.core.registry.RegistryException;
import io.mlgate.core.registry.RegistryJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The HTTP side of the MLflow REST API: {@code <tracking uri>/api/2.0/mlflow/<endpoint>}, GET
 * parameters in the query string and every other method with a JSON body (as MLflow's own
 * {@code call_endpoint} does), errors turned into {@link RegistryException}s that name the URL
 * and the fix. Credentials go only to the tracking server's own scheme, host and port, never
 * to another host an artifact URI may name; redirects are not followed for the same reason.
 */
final class MlflowClient {
    static final String API = "/api/2.0/mlflow/";
    static final String ARTIFACTS_API = "/api/2.0/mlflow-artifacts/artifacts/";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration FILE_TIMEOUT = Duration.ofMinutes(15);
    /** GETs are retried on these (rate limit, gateway trouble); writes never, they may have happened. */
    private static final int RETRIES = 2;

    private final String base;
    private final URI baseUri;
    private final MlflowFlavor flavor;
    private final Credentials credentials;
    private final HttpClient http;
    private final ObjectMapper json = RegistryJson.mapper();

    MlflowClient(URI trackingUri, MlflowFlavor flavor, Credentials credentials) {
        String text = trackingUri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        this.base = text;
        this.baseUri = URI.create(text);
        this.flavor = flavor;
        this.credentials = credentials;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    String base() {
        return base;
    }

    // ---------------------------------------------------------------- REST calls

    JsonNode get(String endpoint, Map<String, String> query) {
        return parse(send("GET", api(endpoint, query), null, CALL_TIMEOUT));
    }

    /** GET that reads MLflow's RESOURCE_DOES_NOT_EXIST (HTTP 404) as "absent". */
    Optional<JsonNode> find(String endpoint, Map<String, String> query) {
        try {
            return Optional.of(get(endpoint, query));
        } catch (ApiError e) {
            if (e.status() == 404 && "RESOURCE_DOES_NOT_EXIST".equals(e.errorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    JsonNode post(String endpoint, Object body) {
        return parse(send("POST", api(endpoint, null), body, CALL_TIMEOUT));
    }

    JsonNode delete(String endpoint, Object body) {
        return parse(send("DELETE", api(endpoint, null), body, CALL_TIMEOUT));
    }

    // ---------------------------------------------------------------- artifact files

    void upload(URI url, byte[] content) {
        send("PUT", url, content, FILE_TIMEOUT);
    }

    byte[] download(URI url) {
        return send("GET", url, null, FILE_TIMEOUT).body();
    }

    /** {@code mlflow-artifacts:/path} (or {@code mlflow-artifacts://host/path}) as the HTTP URL of MLflow's artifact proxy. */
    URI artifactsUrl(String mlflowArtifactsUri) {
        URI uri = URI.create(mlflowArtifactsUri);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        String root = base;
        if (uri.getRawAuthority() != null) {
            root = baseUri.getScheme() + "://" + uri.getRawAuthority();
        }
        return URI.create(root + ARTIFACTS_API + path);
    }

    // ---------------------------------------------------------------- plumbing

    URI api(String endpoint, Map<String, String> query) {
        String url = base + API + endpoint;
        if (query != null && !query.isEmpty()) {
            url += "?" + query.entrySet().stream()
                    .filter(e -> e.getValue() != null)
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
        }
        return URI.create(url);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpResponse<byte[]> send(String method, URI url, Object body, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(timeout);
        if (credentials.header() != null && sameOrigin(url)) {
            builder.header("Authorization", credentials.header());
        }
        HttpRequest.BodyPublisher publisher;
        if (body == null) {
            publisher = HttpRequest.BodyPublishers.noBody();
        } else if (body instanceof byte[] bytes) {
            builder.header("Content-Type", "application/octet-stream");
            publisher = HttpRequest.BodyPublishers.ofByteArray(bytes);
        } else {
            builder.header("Content-Type", "application/json");
            publisher = HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8);
        }
        HttpRequest request = builder.method(method, publisher).build();
        int attempt = 0;
        while (true) {
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new RegistryException("Cannot reach the MLflow registry: " + method + " " + url + " failed ("
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                        + "); check the registry URI in mlgate.yaml and that the server is running and reachable from this machine", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryException(method + " " + url + " was interrupted", e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response;
            }
            boolean transient_ = status == 429 || status == 502 || status == 503 || status == 504;
            if ("GET".equals(method) && transient_ && attempt < RETRIES) {
                attempt++;
                pause(250L * attempt);
                continue;
            }
            throw error(method, url, status, new String(response.body(), StandardCharsets.UTF_8),
                    response.headers().firstValue("Location").orElse(null));
        }
    }

    private boolean sameOrigin(URI url) {
        return Objects.equals(lower(url.getScheme()), lower(baseUri.getScheme()))
                && Objects.equals(lower(url.getHost()), lower(baseUri.getHost()))
                && port(url) == port(baseUri);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON request: " + e.getOriginalMessage(), e);
        }
    }

    private JsonNode parse(HttpResponse<byte[]> response) {
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new RegistryException(response.request().method() + " " + response.request().uri()
                    + " answered HTTP " + response.statusCode() + " with a body that is not JSON (" + firstLine(text)
                    + "); check that the registry URI points at an MLflow tracking server or GitLab's /ml/mlflow endpoint");
        }
    }

    private RegistryException error(String method, URI url, int status, String body, String location) {
        String code = null;
        String message = null;
        try {
            JsonNode node = json.readTree(body);
            if (node != null && node.isObject()) {
                code = node.path("error_code").isTextual() ? node.get("error_code").asText() : null;
                JsonNode m = node.has("message") ? node.get("message") : node.get("error");
                if (m != null && m.isArray()) {
                    StringBuilder joined = new StringBuilder();
                    m.forEach(x -> joined.append(joined.length() == 0 ? "" : "; ").append(x.asText()));
                    message = joined.toString();
                } else if (m != null && !m.isNull()) {
                    message = m.asText();
                }
            }
        } catch (IOException | RuntimeException e) {
            message = firstLine(body);
        }
        String detail = (code == null ? "" : ", " + code) + (message == null || message.isBlank() ? "" : ": " + message);
        String what = method + " " + url;
        String text;
        if (status == 401 || status == 403) {
            text = what + " was refused (HTTP " + status + detail + "); " + authFix();
        } else if (status == 404 && code == null) {
            text = what + " was not found (HTTP 404" + detail + "); " + notFoundFix();
        } else if (status >= 300 && status < 400) {
            text = what + " was redirected (HTTP " + status + (location == null ? "" : " to " + location)
                    + "); use the final URL in the registry URI (redirects are not followed so credentials stay with the registry host)";
        } else if (status >= 500) {
            text = "The MLflow registry failed: " + what + " answered HTTP " + status + detail
                    + "; the server had a problem: retry later or check the server's logs";
        } else {
            text = what + " was rejected (HTTP " + status + detail + ")";
        }
        return new ApiError(text, status, code, message);
    }

    private String authFix() {
        String none = credentials.header() == null ? " (no credentials were sent)" : " (credentials from " + credentials.source() + ")";
        if (flavor == MlflowFlavor.GITLAB) {
            String job = Credentials.JOB_TOKEN.equals(credentials.source())
                    ? "; GitLab documents only access tokens for its MLflow API, so a CI_JOB_TOKEN is usually refused" : "";
            return "set " + Credentials.TOKEN + " to a GitLab personal, project or group access token with the api scope and at least "
                    + "the Developer role (in CI: a masked CI/CD variable)" + none + job;
        }
        return "set " + Credentials.TOKEN + " (bearer token) or " + Credentials.USERNAME + " and " + Credentials.PASSWORD
                + " for the MLflow server" + none;
    }

    private String notFoundFix() {
        if (flavor == MlflowFlavor.GITLAB) {
            return "check the registry URI (mlflow+https://<gitlab host>/api/v4/projects/<project id>/ml/mlflow), that the project's "
                    + "model registry is enabled and that the token's user can see the project (GitLab answers 404 when it cannot)";
        }
        return "check the registry URI (mlflow+https://<host>[/<path>] of the MLflow tracking server; aliases need MLflow 2.3 or later)";
    }

    private static String firstLine(String text) {
        String t = text == null ? "" : text.strip();
        int nl = t.indexOf('\n');
        t = nl < 0 ? t : t.substring(0, nl);
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }

    static Map<String, String> query(String... pairs) {
        Map<String, String> q = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            q.put(pairs[i], pairs[i + 1]);
        }
        return q;
    }

    /** An HTTP error with MLflow's {@code error_code}, so callers can react to the expected ones. */
    static final class ApiError extends RegistryException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String errorCode;
        private final String serverMessage;

        ApiError(String message, int status, String errorCode, String serverMessage) {
            super(message);
            this.status = status;
            this.errorCode = errorCode;
            this.serverMessage = serverMessage;
        }

        int status() {
            return status;
        }

        String errorCode() {
            return errorCode;
        }

        String serverMessage() {
            return serverMessage == null ? "" : serverMessage;
        }
    }
}
