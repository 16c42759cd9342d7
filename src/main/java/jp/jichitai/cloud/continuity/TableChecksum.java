package jp.jichitai.cloud.continuity;

/**
 * The rows of one table that belong to one tenant: how many, and the SHA-256 over their canonical form
 * (sorted, so that it does not depend on the order the database returns them in).
 */
public record TableChecksum(String table, long rows, String sha256) {
}
