package io.mlgate.server;

/**
 * A request the server answers with an error status instead of a result: bad input (400 naming
 * the field), unknown model (404), not deployed (503), a model that could not be loaded (500).
 * The message is what the caller reads; it names the thing and the fix.
 */
public final class ServerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;
    private String allow;

    public ServerException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public ServerException(int status, String field, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.field = field;
    }

    static ServerException badRequest(String field, String message) {
        return new ServerException(400, field, message);
    }

    /** 405 naming the methods the endpoint takes (sent as the Allow header). */
    static ServerException methodNotAllowed(String method, String... allowed) {
        ServerException e = new ServerException(405, null, method + " is not allowed here; use " + String.join(" or ", allowed));
        e.allow = String.join(", ", allowed);
        return e;
    }

    /** The methods allowed (405 only), or null. */
    String allow() {
        return allow;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The request field at fault (e.g. {@code rows[2].int_rate}), or null. */
    public String field() {
        return field;
    }
}
