package jp.jichitai.cloud.residents.web;

import java.util.ArrayList;
import java.util.List;

import jp.jichitai.cloud.residents.AtenaNumber;
import jp.jichitai.cloud.residents.CertificateOptions;
import jp.jichitai.cloud.residents.registry.ResidentCertificates;

/**
 * What the clerk chose on the certificate screen: the form, the members (none ticked: the whole household) and the
 * items to include. The preview page carries it unchanged to the issue button, so that what is issued is what was
 * previewed.
 */
public class CertificateChoice {

    private ResidentCertificates.Form form = ResidentCertificates.Form.COPY;
    private List<String> members = new ArrayList<>();
    private boolean headAndRelationship;
    private boolean familyRegister;
    private boolean residentRecordCode;
    private boolean individualNumber;
    private boolean officialUse;
    private String idempotencyKey;

    CertificateOptions options() {
        return new CertificateOptions(headAndRelationship, familyRegister, residentRecordCode, individualNumber, officialUse);
    }

    List<AtenaNumber> memberNumbers() {
        return members.stream().filter(text -> text.matches("[0-9]{1,15}")).map(AtenaNumber::migrated).toList();
    }

    public ResidentCertificates.Form getForm() { return form; }
    public void setForm(ResidentCertificates.Form form) { this.form = form == null ? ResidentCertificates.Form.COPY : form; }
    public List<String> getMembers() { return members; }
    public void setMembers(List<String> members) { this.members = members == null ? new ArrayList<>() : members; }
    public boolean isHeadAndRelationship() { return headAndRelationship; }
    public void setHeadAndRelationship(boolean headAndRelationship) { this.headAndRelationship = headAndRelationship; }
    public boolean isFamilyRegister() { return familyRegister; }
    public void setFamilyRegister(boolean familyRegister) { this.familyRegister = familyRegister; }
    public boolean isResidentRecordCode() { return residentRecordCode; }
    public void setResidentRecordCode(boolean residentRecordCode) { this.residentRecordCode = residentRecordCode; }
    public boolean isIndividualNumber() { return individualNumber; }
    public void setIndividualNumber(boolean individualNumber) { this.individualNumber = individualNumber; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    public boolean isOfficialUse() { return officialUse; }
    public void setOfficialUse(boolean officialUse) { this.officialUse = officialUse; }
}
