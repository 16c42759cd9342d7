/**
 * Command line (picocli): the program behind ./jc. Only the serve command starts Spring.
 */
package jp.jichitai.cloud.cli;
