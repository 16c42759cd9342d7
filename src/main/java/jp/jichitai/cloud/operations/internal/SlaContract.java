package jp.jichitai.cloud.operations.internal;

import java.util.Objects;

import jp.jichitai.cloud.operations.ServiceWindow;

/**
 * SLA契約 (the SLA terms of one town's contract): the service hours in which availability and online
 * compliance are measured (サービス提供時間), and the support desk's reception hours (サポート受付時間)
 * in which a ticket's answer time is counted.
 */
record SlaContract(ServiceWindow serviceWindow, ServiceWindow supportWindow, boolean agreed) {

    /** The terms of a town that has no contract row: the service all day, the desk on weekday office hours. */
    static final SlaContract DEFAULT = new SlaContract(ServiceWindow.allDayEveryDay(),
            ServiceWindow.parse("MON-FRI 08:30-17:15"), false);

    SlaContract {
        Objects.requireNonNull(serviceWindow, "serviceWindow");
        Objects.requireNonNull(supportWindow, "supportWindow");
    }
}
