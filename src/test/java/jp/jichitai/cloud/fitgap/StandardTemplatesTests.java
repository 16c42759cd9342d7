package jp.jichitai.cloud.fitgap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import jp.jichitai.cloud.fitgap.internal.TemplateReader;
import jp.jichitai.cloud.shared.BusinessException;
import org.junit.jupiter.api.Test;

class StandardTemplatesTests {

    private final ProcedureTemplate template = StandardTemplates.victimSupport();

    @Test
    void victimSupportHasTheCounterWorkflowOfTheSourceDocument() {
        assertThat(template.steps()).extracting(ProcedureStep::title).containsExactly(
                "001 被災状況の届出", "002 本人認証", "003 個人検索", "004 被災家屋調査・被害認定", "005 証明書発行の申請");
        assertThat(template.step(StepNumber.of("002"))).get().extracting(ProcedureStep::description).asString()
                .contains("身分証明書（運転免許証・パスポート・保険証など）")
                .contains("住所・氏名・生年月日の自署により判断");
        assertThat(template.step(StepNumber.of("001"))).get().extracting(ProcedureStep::description).asString()
                .contains("口頭による申し出");
    }

    @Test
    void victimSupportCarriesTheReadinessChecksOfSection84() {
        List<String> checkTitles = template.steps().stream()
                .flatMap(step -> step.readinessChecks().stream()).map(ReadinessCheck::title).toList();

        assertThat(checkTitles).contains("臨時業務窓口の設置場所", "臨時業務窓口の業務機器", "被災者支援システムの利用情報",
                "本人認証の規程", "被災状況届出書の様式", "被災関連証明書発行申請書の様式", "住民基本台帳データの連携");
        ReadinessCheck equipment = template.step(StepNumber.of("001")).orElseThrow().readinessChecks().stream()
                .filter(check -> check.title().equals("臨時業務窓口の業務機器")).findFirst().orElseThrow();
        assertThat(equipment.question()).contains("インターネット接続環境", "業務利用パソコン", "証明書発行用プリンタ");
        assertThat(equipment.provenance()).isEqualTo(Provenance.SOURCE_DOCUMENT);
    }

    @Test
    void everyStepHasAtLeastOneCheck() {
        assertThat(template.steps()).allSatisfy(step -> assertThat(step.readinessChecks()).isNotEmpty());
    }

    @Test
    void readerNamesTheLineOfAMalformedRecord() {
        String tsv = "template\tt\t名前\t1\nstep\t001\t手順\t説明\tseed\ncheck\t001\t題\n";

        assertThatThrownBy(() -> TemplateReader.read("broken.tsv", new StringReader(tsv)))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.messageId().value()).isEqualTo("E-FIT-0004");
                    assertThat(e.japaneseMessage()).contains("broken.tsv").contains("3行目");
                });
    }

    @Test
    void readerRefusesACheckForAStepNotYetDefined() {
        String tsv = "template\tt\t名前\t1\ncheck\t002\t題\t問\tseed\nstep\t001\t手順\t説明\tseed\n";

        assertThatThrownBy(() -> TemplateReader.read("order.tsv", new StringReader(tsv)))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.japaneseMessage()).contains("2行目"));
    }

    @Test
    void unknownTemplateIsRefused() {
        assertThatThrownBy(() -> StandardTemplates.byId("no-such-template"))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageId().value()).isEqualTo("E-FIT-0005"));
    }
}
