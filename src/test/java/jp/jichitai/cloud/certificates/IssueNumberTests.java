package jp.jichitai.cloud.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class IssueNumberTests {

    @Test
    void printsTheStandardFormWithPageAndPageCount() {
        IssueNumber number = IssueNumber.of(LocalDate.of(2020, 5, 2), "名寄市", "本庁1", "プリンタ001", 11);
        assertThat(number.text()).isEqualTo("20200502 名寄市 本庁1 プリンタ001 011");
        assertThat(number.forPage(1, 2)).isEqualTo("20200502 名寄市 本庁1 プリンタ001 011 1/2");
        assertThat(number.forPage(2, 2)).isEqualTo("20200502 名寄市 本庁1 プリンタ001 011 2/2");
    }

    @Test
    void parsesWhatItPrints() {
        IssueNumber number = IssueNumber.parse("20200502 士別市 朝日支所 プリンタ002 1234");
        assertThat(number.issueDate()).isEqualTo(LocalDate.of(2020, 5, 2));
        assertThat(number.office()).isEqualTo("朝日支所");
        assertThat(number.serial()).isEqualTo(1234);
        assertThat(IssueNumber.parse(number.text())).isEqualTo(number);
    }

    @Test
    void refusesMalformedNumbers() {
        assertThatThrownBy(() -> IssueNumber.parse("20200230 名寄市 本庁1 プリンタ001 011"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IssueNumber.parse("20200502 名寄市 本庁1 011"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IssueNumber.of(LocalDate.of(2020, 5, 2), "名寄 市", "本庁1", "プリンタ001", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IssueNumber.of(LocalDate.of(2020, 5, 2), "名寄市", "本庁1", "プリンタ001", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesPagesOutsideTheDocument() {
        IssueNumber number = IssueNumber.parse("20200502 名寄市 本庁1 プリンタ001 011");
        assertThatThrownBy(() -> number.forPage(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> number.forPage(0, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
