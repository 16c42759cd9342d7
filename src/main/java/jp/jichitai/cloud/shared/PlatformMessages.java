package jp.jichitai.cloud.shared;

/** The platform's messages (messages/platform.properties): API errors, tenant codes, sign-in. */
public final class PlatformMessages {

    private static final Messages MESSAGES = Messages.of("platform");

    private PlatformMessages() {
    }

    public static String text(String id, Object... arguments) {
        return MESSAGES.text(MessageId.of(id), arguments);
    }

    /** The JSON error body for a message id. */
    public static ApiError error(String id, Object... arguments) {
        return new ApiError(MessageId.of(id), text(id, arguments));
    }
}
