package jp.jichitai.cloud.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.tenancy.District;
import jp.jichitai.cloud.tenancy.Tenant;
import jp.jichitai.cloud.tenancy.Tenants;

/**
 * Demo mode: on the first start with an empty database, registers the three reference towns and one
 * user of each role per town, with random passwords printed once and kept in DATA/demo-users.tsv
 * (readable by its owner only). No password is fixed anywhere.
 */
@Component
@Order(0)
class DemoSetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSetup.class);
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /** A demo town: register entry, certificate settings, districts, and the prefix of its user names. */
    record DemoTown(Tenant tenant, String mayorTitle, String mayorName, String userPrefix, List<District> districts) {
    }

    static final List<DemoTown> TOWNS = List.of(
            new DemoTown(new Tenant(TenantCode.of("012211"), "名寄市", "北海道"), "名寄市長", "天塩　一郎", "nayoro",
                    List.of(new District("010100", "西1条南"), new District("010200", "西1条北"),
                            new District("010300", "西3条南"), new District("010400", "東1条南"),
                            new District("010500", "東3条北"), new District("020100", "風連町本町"),
                            new District("020200", "風連町東生"), new District("030100", "智恵文"),
                            new District("030200", "日進"), new District("030300", "徳田"))),
            new DemoTown(new Tenant(TenantCode.of("012203"), "士別市", "北海道"), "士別市長", "剣淵　二郎", "shibetsu",
                    List.of(new District("010100", "東1条"), new District("010200", "西3条"),
                            new District("010300", "大通東"), new District("010400", "南町"),
                            new District("020100", "朝日町中央"), new District("030100", "上士別町"),
                            new District("030200", "温根別町"), new District("030300", "多寄町"))),
            new DemoTown(new Tenant(TenantCode.of("013706"), "今金町", "北海道"), "今金町長", "後志　花子", "imakane",
                    List.of(new District("000100", "今金"), new District("000200", "種川"),
                            new District("000300", "八束"), new District("000400", "神丘"),
                            new District("000500", "美利河"), new District("000600", "花石"))));

    private final Tenants tenants;
    private final JdbcUserAccounts accounts;
    private final boolean enabled;
    private final Path dataDirectory;
    private final SecureRandom random = new SecureRandom();

    DemoSetup(Tenants tenants, JdbcUserAccounts accounts, @Value("${jc.demo.enabled}") boolean enabled,
            @Value("${jc.data-dir}") Path dataDirectory) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.enabled = enabled;
        this.dataDirectory = dataDirectory;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (enabled && tenants.isEmpty()) {
            createDemo();
        }
    }

    List<String[]> createDemo() {
        List<String[]> rows = new ArrayList<>();
        String operatorPassword = newPassword();
        accounts.create("operator", "運用担当", Role.OPERATOR, Optional.empty(), operatorPassword);
        rows.add(new String[] {"", "operator", operatorPassword, Role.OPERATOR.code()});
        for (DemoTown town : TOWNS) {
            tenants.register(town.tenant(), town.mayorTitle(), town.mayorName(), "本庁", town.districts());
            for (Role role : List.of(Role.TENANT_ADMIN, Role.CLERK, Role.AUDITOR)) {
                String username = town.userPrefix() + "-" + role.code();
                String password = newPassword();
                accounts.create(username, town.tenant().name() + " " + role.japaneseName(), role,
                        Optional.of(town.tenant().code()), password);
                rows.add(new String[] {town.tenant().code().value(), username, password, role.code()});
            }
        }
        Path file = writeUserFile(rows);
        StringBuilder banner = new StringBuilder("\nデモ用の団体と利用者を作成しました（パスワードはこの一度だけ表示します）:\n");
        rows.forEach(row -> banner.append(String.format("  %-8s %-22s %-14s %s%n", row[0].isEmpty() ? "-" : row[0],
                row[1], row[2], row[3])));
        banner.append("同じ内容を ").append(file.toAbsolutePath()).append(" に保存しました（所有者のみ読み取り可）。\n");
        System.out.println(banner);
        log.info("demo tenants created; users written to {}", file.toAbsolutePath());
        return rows;
    }

    private Path writeUserFile(List<String[]> rows) {
        try {
            Files.createDirectories(dataDirectory);
            Path file = dataDirectory.resolve("demo-users.tsv");
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            StringBuilder text = new StringBuilder("tenant\tusername\tpassword\trole\n");
            rows.forEach(row -> text.append(String.join("\t", row)).append('\n'));
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo users file", e);
        }
    }

    private String newPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
