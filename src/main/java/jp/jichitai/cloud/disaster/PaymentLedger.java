package jp.jichitai.cloud.disaster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 支給台帳 (payment ledger) of one disaster's support payments.
 *
 * <p>Its rule: a household is never paid twice for the same {@link SupportPaymentItem}. The further
 * payment after renting is a separate item, and only a household already paid its 加算支援金 can
 * receive it. Records are appended, never changed; a persistence adapter rebuilds the ledger from them
 * and must keep (household, item) unique as well, so that two counters cannot both pay.
 */
public final class PaymentLedger {

    private record Key(HouseholdId household, SupportPaymentItem item) {
    }

    private final Map<Key, SupportPaymentRecord> records = new LinkedHashMap<>();

    public PaymentLedger() {
    }

    public PaymentLedger(List<SupportPaymentRecord> existing) {
        existing.forEach(this::record);
    }

    /** Appends a payment, refusing a second payment of the same item to the same household. */
    public void record(SupportPaymentRecord payment) {
        Key key = new Key(payment.household(), payment.item());
        if (records.containsKey(key)) {
            throw DisasterMessages.refusal("E-DIS-0005", payment.household(), payment.item().japaneseName());
        }
        if (payment.item() == SupportPaymentItem.ADDITIONAL_AFTER_RENTING
                && !records.containsKey(new Key(payment.household(), SupportPaymentItem.ADDITIONAL))) {
            throw DisasterMessages.refusal("E-DIS-0006", payment.household());
        }
        records.put(key, payment);
    }

    public boolean hasPaid(HouseholdId household, SupportPaymentItem item) {
        return records.containsKey(new Key(household, item));
    }

    public Optional<SupportPaymentRecord> paymentOf(HouseholdId household, SupportPaymentItem item) {
        return Optional.ofNullable(records.get(new Key(household, item)));
    }

    public Yen totalPaidTo(HouseholdId household) {
        return records.values().stream()
                .filter(record -> record.household().equals(household))
                .map(SupportPaymentRecord::amount)
                .reduce(Yen.ZERO, Yen::plus);
    }

    public List<SupportPaymentRecord> records() {
        return Collections.unmodifiableList(new ArrayList<>(records.values()));
    }
}
