package jp.jichitai.cloud.shared;

import java.util.List;

/** The body of every error answer of the REST API: a message id and the Japanese message. */
public record ApiError(String messageId, String message, List<FieldError> fields) {

    public ApiError(MessageId id, String message) {
        this(id.value(), message, List.of());
    }

    /** One invalid field of a request body. */
    public record FieldError(String field, String message) {
    }

    /** The JSON text, for places that answer before the web framework runs (servlet filters). */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\"messageId\":").append(quote(messageId))
                .append(",\"message\":").append(quote(message)).append(",\"fields\":[");
        for (int i = 0; i < fields.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"field\":").append(quote(fields.get(i).field()))
                    .append(",\"message\":").append(quote(fields.get(i).message())).append('}');
        }
        return json.append("]}").toString();
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '<' -> quoted.append("\\u003c");
                case '>' -> quoted.append("\\u003e");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
