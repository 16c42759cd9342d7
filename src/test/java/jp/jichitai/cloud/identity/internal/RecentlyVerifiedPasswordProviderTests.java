package jp.jichitai.cloud.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import jp.jichitai.cloud.identity.JichitaiUser;
import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.shared.TenantCode;

class RecentlyVerifiedPasswordProviderTests {

    /** The real encoder (bcrypt), counting how often it is asked to check a password. */
    static final class CountingEncoder implements PasswordEncoder {
        final PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return real.matches(raw, encoded);
        }
    }

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-26T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final CountingEncoder encoder = new CountingEncoder();
    final MovableClock clock = new MovableClock();
    final AtomicReference<JichitaiUser> stored = new AtomicReference<>(user(encoder.encode("right-password"), null, true));

    static JichitaiUser user(String hash, Instant lockedUntil, boolean enabled) {
        return new JichitaiUser("nayoro-clerk", "名寄市 窓口職員", Role.CLERK, Optional.of(TenantCode.of("012211")), hash,
                lockedUntil, enabled);
    }

    RecentlyVerifiedPasswordProvider provider(Duration lifetime) {
        return new RecentlyVerifiedPasswordProvider(username -> stored.get(), encoder, lifetime, clock);
    }

    static Authentication signIn(RecentlyVerifiedPasswordProvider provider, String password) {
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("nayoro-clerk", password));
    }

    @Test
    void aVerifiedPasswordIsNotCheckedByTheEncoderAgainWithinTheLifetime() {
        RecentlyVerifiedPasswordProvider provider = provider(Duration.ofMinutes(5));
        assertThat(signIn(provider, "right-password").isAuthenticated()).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(signIn(provider, "right-password").isAuthenticated()).isTrue();
        assertThat(signIn(provider, "right-password").getPrincipal()).isEqualTo(stored.get());
        assertThat(encoder.checks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsRefusedAndCheckedEvenRightAfterTheRightOneWasRemembered() {
        RecentlyVerifiedPasswordProvider provider = provider(Duration.ofMinutes(5));
        signIn(provider, "right-password");
        assertThatThrownBy(() -> signIn(provider, "right-passwore")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn(provider, "")).isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.checks).hasValue(3);
        // The wrong attempts did not make the right password forgotten or replaced.
        assertThat(signIn(provider, "right-password").isAuthenticated()).isTrue();
        assertThat(encoder.checks).hasValue(3);
    }

    @Test
    void afterThePasswordChangedTheOldOneIsRefusedAtOnce() {
        RecentlyVerifiedPasswordProvider provider = provider(Duration.ofMinutes(5));
        signIn(provider, "right-password");
        stored.set(user(encoder.encode("new-password"), null, true));
        assertThatThrownBy(() -> signIn(provider, "right-password")).isInstanceOf(BadCredentialsException.class);
        assertThat(signIn(provider, "new-password").isAuthenticated()).isTrue();
        assertThat(encoder.checks).hasValue(3);
    }

    @Test
    void aLockedOrDisabledAccountIsRefusedAtOnceThoughItsPasswordWasRemembered() {
        RecentlyVerifiedPasswordProvider provider = provider(Duration.ofMinutes(5));
        signIn(provider, "right-password");
        String hash = stored.get().passwordHash();
        stored.set(user(hash, Instant.now().plus(Duration.ofMinutes(15)), true));
        assertThatThrownBy(() -> signIn(provider, "right-password")).isInstanceOf(LockedException.class);
        stored.set(user(hash, null, false));
        assertThatThrownBy(() -> signIn(provider, "right-password")).isInstanceOf(DisabledException.class);
        stored.set(user(hash, null, true));
        assertThat(signIn(provider, "right-password").isAuthenticated()).isTrue();
        assertThat(encoder.checks).hasValue(1);
    }

    @Test
    void afterTheLifetimeThePasswordIsCheckedAgain() {
        RecentlyVerifiedPasswordProvider provider = provider(Duration.ofMinutes(5));
        signIn(provider, "right-password");
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        signIn(provider, "right-password");
        assertThat(encoder.checks).hasValue(2);
    }

    @Test
    void aLifetimeOfZeroChecksEveryTimeAndANegativeOneIsRefused() {
        RecentlyVerifiedPasswordProvider provider = provider(Duration.ZERO);
        signIn(provider, "right-password");
        signIn(provider, "right-password");
        assertThat(encoder.checks).hasValue(2);
        assertThatThrownBy(() -> provider(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
