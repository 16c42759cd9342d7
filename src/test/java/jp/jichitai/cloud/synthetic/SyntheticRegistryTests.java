package jp.jichitai.cloud.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.setuptool.DataSetup;
import jp.jichitai.cloud.setuptool.SetupResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticRegistryTests {

    private static final TenantCode NAYORO = TenantCode.of("012211");

    @TempDir
    Path temporary;

    @Test
    void producesExactlyTheRequestedNumberOfCurrentResidents() {
        assertThat(SyntheticRegistry.of(NAYORO, 3).persons(2_345).filter(SyntheticPerson::isCurrentResident).count()).isEqualTo(2_345);
    }

    @Test
    void isDeterministicForASeedAndDiffersBetweenSeeds() {
        List<String> first = SyntheticRegistry.of(NAYORO, 42).persons(500).map(person -> person.current().toString()).toList();
        List<String> again = SyntheticRegistry.of(NAYORO, 42).persons(500).map(person -> person.current().toString()).toList();
        List<String> other = SyntheticRegistry.of(NAYORO, 43).persons(500).map(person -> person.current().toString()).toList();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void looksLikeARealRegister() {
        List<SyntheticPerson> persons = SyntheticRegistry.of(NAYORO, 7).persons(20_000).toList();

        Set<String> relationships = persons.stream().map(person -> person.current().value("続柄")).collect(Collectors.toSet());
        assertThat(relationships).contains("世帯主", "妻", "子", "子の妻", "子の子", "母");
        long foreign = persons.stream().filter(SyntheticPerson::isCurrentResident).filter(SyntheticPerson::isForeign).count();
        assertThat(foreign).isBetween(100L, 400L);
        assertThat(persons).anyMatch(person -> person.current().value("住民状態").equals("3"))
                .anyMatch(person -> person.current().value("住民状態").equals("2"))
                .anyMatch(person -> person.history().size() > 1 && person.history().get(1).value("異動事由").equals("転居"))
                .anyMatch(person -> person.current().value("生年月日").endsWith("0000"))
                .anyMatch(person -> person.current().value("生年月日").endsWith("0229"))
                .anyMatch(person -> person.current().value("名").chars().anyMatch(c -> c >= 0xE000 && c <= 0xE757))
                .anyMatch(person -> person.alternativeCodes() && person.current().value("氏").contains("髙"))
                .anyMatch(person -> !person.legacyRegistrations().isEmpty())
                .anyMatch(person -> person.incomes().size() >= 2);
        assertThat(persons).filteredOn(person -> person.current().value("氏").equals("佐々木"))
                .allMatch(person -> person.current().value("氏フリガナ").equals("ササキ"));
    }

    @Test
    void writesFilesThatTheSetupToolAcceptsWithTheAlternativeCodesInTheBytes() throws IOException {
        SyntheticDataset.Counts counts = SyntheticDataset.write(SyntheticRegistry.of(TenantCode.of("013706"), 5), 3_000, temporary);

        SetupResult result = DataSetup.run(DataSetup.Options.of(temporary, temporary.resolve("out.csv")));

        assertThat(result.succeeded()).as(String.join("\n", result.problems().errorLines())).isTrue();
        assertThat(result.rowsWritten()).isEqualTo(3_000).isEqualTo(counts.currentResidents());
        byte[] residents = Files.readAllBytes(temporary.resolve("data_d0101.csv"));
        assertThat(indexOf(residents, (byte) 0xEE, (byte) 0xE0) >= 0 || indexOf(residents, (byte) 0xED, (byte) 0x95) >= 0).isTrue();
        assertThat(new String(Files.readAllBytes(temporary.resolve("data_cyonei.csv")), "windows-31j")).contains("000001,字今金\r\n");
    }

    private static int indexOf(byte[] bytes, byte first, byte second) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == first && bytes[i + 1] == second) {
                return i;
            }
        }
        return -1;
    }
}
