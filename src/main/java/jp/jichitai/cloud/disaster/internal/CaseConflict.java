package jp.jichitai.cloud.disaster.internal;

import jp.jichitai.cloud.shared.BusinessException;

/**
 * Another clerk saved the case after this clerk opened it. Carries the case as it is now, so that the screen
 * can show it next to the clerk's own unsaved input: nothing is lost, nothing is overwritten silently.
 */
class CaseConflict extends BusinessException {

    private final transient CounterCase current;

    CaseConflict(BusinessException message, CounterCase current) {
        super(message.messageId(), message.japaneseMessage());
        this.current = current;
    }

    CounterCase current() {
        return current;
    }
}
