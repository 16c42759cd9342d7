package jp.jichitai.cloud.residents.registry;

import static jp.jichitai.cloud.residents.registry.RegistryFixture.TODAY;
import static jp.jichitai.cloud.residents.registry.RegistryFixture.asClerk;
import static jp.jichitai.cloud.residents.registry.RegistryFixture.moveInHead;
import static jp.jichitai.cloud.residents.registry.RegistryFixture.moveInMember;
import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.jichitai.cloud.residents.AtenaNumber;
import jp.jichitai.cloud.residents.ChangeReceipt;
import jp.jichitai.cloud.residents.ChangeRequest;
import jp.jichitai.cloud.residents.HouseholdNumber;
import jp.jichitai.cloud.residents.HouseholdView;
import jp.jichitai.cloud.residents.Residents;
import jp.jichitai.cloud.residents.Sex;
import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.support.IntegrationTest;

/** Two clerks record a change of the same household at the same moment: one wins, the other is told why. */
class HouseholdConcurrencyIntegrationTests extends IntegrationTest {

    @Autowired
    Residents residents;

    @Test
    void ofTwoParallelChangesToOneHouseholdOneSucceedsAndTheOtherGetsTheConflictMessage() throws Exception {
        for (int round = 0; round < 5; round++) {
            HouseholdNumber household = asClerk(NAYORO, () -> moveInHead(residents, "競合　太郎", "キョウゴウ　タロウ",
                    "19700101", "北海道名寄市西1条南9丁目").households().get(0));
            AtenaNumber child = asClerk(NAYORO, () -> moveInMember(residents, household, "競合　一郎", "キョウゴウ　イチロウ",
                    "20000101", Sex.MALE, "子").residents().get(0));
            int seen = asClerk(NAYORO, () -> residents.household(household)).orElseThrow().historyNumber();

            CountDownLatch start = new CountDownLatch(1);
            ExecutorService clerks = Executors.newFixedThreadPool(2);
            List<Future<ChangeReceipt>> outcomes = new ArrayList<>();
            for (String address : List.of("北海道名寄市東1条南1丁目", "北海道名寄市東3条北3丁目")) {
                Callable<ChangeReceipt> relocate = () -> {
                    start.await();
                    return asClerk(NAYORO, () -> residents.record(new ChangeRequest.Relocation(child, TODAY, Optional.of(TODAY),
                            RegistryFixture.address(address), OptionalInt.of(seen))));
                };
                outcomes.add(clerks.submit(relocate));
            }
            start.countDown();
            int succeeded = 0;
            List<String> refusals = new ArrayList<>();
            for (Future<ChangeReceipt> outcome : outcomes) {
                try {
                    outcome.get(30, TimeUnit.SECONDS);
                    succeeded++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(BusinessException.class);
                    refusals.add(((BusinessException) e.getCause()).japaneseMessage());
                }
            }
            clerks.shutdown();

            assertThat(succeeded).isEqualTo(1);
            assertThat(refusals).singleElement().asString()
                    .isEqualTo("世帯（世帯番号 " + household + "）は、画面を開いた後に他の職員が更新しました。"
                            + "最新の世帯の内容を表示し直してから、もう一度入力してください。");
            HouseholdView after = asClerk(NAYORO, () -> residents.household(household)).orElseThrow();
            assertThat(after.historyNumber()).isEqualTo(seen + 1);
            assertThat(after.members()).hasSize(2)
                    .allSatisfy(member -> assertThat(member.address().text()).isEqualTo(after.members().get(0).address().text()));
            assertThat(asClerk(NAYORO, () -> residents.find(child)).orElseThrow().history()).hasSize(2);
        }
    }
}
