package jp.jichitai.cloud.shared;

/**
 * A business rule refused what a person asked for. Carries a message id and the Japanese text that
 * the screen, the API and the log all show.
 */
public class BusinessException extends RuntimeException {

    private final MessageId messageId;

    public BusinessException(MessageId messageId, String japaneseMessage) {
        super(japaneseMessage);
        this.messageId = messageId;
    }

    public MessageId messageId() {
        return messageId;
    }

    /** The Japanese text, without the id. */
    public String japaneseMessage() {
        return getMessage();
    }
}
