/**
 * Operations: SLA measurement and monthly reports, incident, maintenance and support records, cost sharing.
 */
package jp.jichitai.cloud.operations;
