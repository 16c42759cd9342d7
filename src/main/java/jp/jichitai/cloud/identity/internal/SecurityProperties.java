package jp.jichitai.cloud.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Sign-in policy: how many consecutive failures lock an account, and for how long. */
@ConfigurationProperties("jc.security")
record SecurityProperties(int maxFailedLogins, Duration lockoutDuration) {
}
