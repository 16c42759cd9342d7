/**
 * Web shell: layout, login page, home page, error pages and the JSON error format.
 */
package jp.jichitai.cloud.web;
