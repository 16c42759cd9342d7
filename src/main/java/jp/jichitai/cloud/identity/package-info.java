/**
 * Identity: users, roles and authentication (login, lockout, sessions).
 */
package jp.jichitai.cloud.identity;
