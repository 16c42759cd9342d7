package jp.jichitai.cloud.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Sign-in by user name and password that remembers, for a while, that a password was verified: an API client
 * sends HTTP Basic with every request, and bcrypt is deliberately slow (about 90 ms of CPU per check on the
 * service's machine), so checking it every time would spend most of the CPU on it and cap a town's counter at
 * some twenty requests a second (docs/benchmarks/disaster-load.md).
 *
 * <p>The account is still read on every request, so a locked or disabled account is refused at once, and a
 * changed password (another stored hash) is checked by bcrypt afresh. What is remembered is only an HMAC of the
 * password under a key that exists in this process's memory alone, recorded after bcrypt accepted the password;
 * a wrong password never matches it, so it goes through bcrypt and the failure count as before.
 */
class RecentlyVerifiedPasswordProvider extends DaoAuthenticationProvider {

    /** Bounds the memory; more distinct users than this within one lifetime is far beyond a town's staff. */
    static final int MAX_REMEMBERED = 10_000;

    private record Verified(String storedHash, byte[] mac, Instant until) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Duration lifetime;
    private final Clock clock;
    private final SecretKeySpec key;

    /** {@code lifetime} zero: every sign-in runs the password encoder (no memory). */
    RecentlyVerifiedPasswordProvider(UserDetailsService users, PasswordEncoder encoder, Duration lifetime, Clock clock) {
        super(users);
        setPasswordEncoder(encoder);
        if (lifetime.isNegative()) {
            throw new IllegalArgumentException("the lifetime of a verified password cannot be negative: " + lifetime);
        }
        this.lifetime = lifetime;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication) {
        Object credentials = authentication.getCredentials();
        if (lifetime.isZero() || credentials == null || user.getPassword() == null) {
            super.additionalAuthenticationChecks(user, authentication);
            return;
        }
        byte[] mac = mac(user.getUsername(), credentials.toString());
        Instant now = clock.instant();
        Verified known = verified.get(user.getUsername());
        if (known != null && now.isBefore(known.until()) && Objects.equals(known.storedHash(), user.getPassword())
                && MessageDigest.isEqual(known.mac(), mac)) {
            return;
        }
        super.additionalAuthenticationChecks(user, authentication);
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear();
        }
        verified.put(user.getUsername(), new Verified(user.getPassword(), mac, now.plus(lifetime)));
    }

    private byte[] mac(String username, String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            hmac.update(username.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return hmac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
