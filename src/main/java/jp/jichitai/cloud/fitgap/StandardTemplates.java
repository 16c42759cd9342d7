package jp.jichitai.cloud.fitgap;

import jp.jichitai.cloud.fitgap.internal.TemplateReader;

/** The standard procedure templates shipped with the system. */
public final class StandardTemplates {

    private StandardTemplates() {
    }

    /** 被災者支援業務: the counter workflow of the source document's 業務手順書 with the checks of its 8.4. */
    public static ProcedureTemplate victimSupport() {
        return byId("victim-support");
    }

    /** A template from {@code fitgap/templates/<id>.tsv} on the class path. */
    public static ProcedureTemplate byId(String id) {
        return TemplateReader.fromClassPath("fitgap/templates/" + id + ".tsv");
    }
}
