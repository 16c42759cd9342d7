package jp.jichitai.cloud.residents.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 異動届の入力 (what a clerk enters for a change), as text, for the screens and the API alike. Which fields a kind
 * needs is in {@link ChangeSheet}; {@link ChangeForms} turns them into a domain request, every field checked and
 * every problem reported with its field and a Japanese message. Dates accept 西暦 or 和暦 (20250401, R7.4.1 ...).
 */
public class ChangeForm {

    private String kind;
    private String changedOn;
    private String notifiedOn;
    private Integer expectedHouseholdHistory;
    private String name;
    private String kana;
    private String birthDate;
    private String sex;
    private String relationship;
    private String residentKind;
    private String household;
    private String newHead;
    private String postalCode;
    private String address;
    private String district;
    private String buildingLine;
    private String previousAddress;
    private String registeredDomicile;
    private String familyRegisterHead;
    private String individualNumber;
    private String residentRecordCode;
    /* 資格: on the person sheets an empty box is "なし"; on the correction sheets an empty value keeps the recorded one. */
    private Boolean onElectoralRoll;
    private Boolean nationalHealthInsurance;
    private Boolean lateStageElderlyMedicalCare;
    private Boolean longTermCareInsurance;
    private String nationalPension;
    private Boolean childAllowance;
    private String nationality;
    private String alphabetName;
    private String foreignCategory;
    private String statusOfResidence;
    private String periodOfStay;
    private String periodExpiresOn;
    private String cardNumber;
    private String destination;
    private String reason;
    private List<String> members = new ArrayList<>();
    private Map<String, String> relationships = new LinkedHashMap<>();

    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getChangedOn() { return changedOn; }
    public void setChangedOn(String changedOn) { this.changedOn = changedOn; }
    public String getNotifiedOn() { return notifiedOn; }
    public void setNotifiedOn(String notifiedOn) { this.notifiedOn = notifiedOn; }
    public Integer getExpectedHouseholdHistory() { return expectedHouseholdHistory; }
    public void setExpectedHouseholdHistory(Integer expectedHouseholdHistory) { this.expectedHouseholdHistory = expectedHouseholdHistory; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getKana() { return kana; }
    public void setKana(String kana) { this.kana = kana; }
    public String getBirthDate() { return birthDate; }
    public void setBirthDate(String birthDate) { this.birthDate = birthDate; }
    public String getSex() { return sex; }
    public void setSex(String sex) { this.sex = sex; }
    public String getRelationship() { return relationship; }
    public void setRelationship(String relationship) { this.relationship = relationship; }
    public String getResidentKind() { return residentKind; }
    public void setResidentKind(String residentKind) { this.residentKind = residentKind; }
    public String getHousehold() { return household; }
    public void setHousehold(String household) { this.household = household; }
    public String getNewHead() { return newHead; }
    public void setNewHead(String newHead) { this.newHead = newHead; }
    public String getPostalCode() { return postalCode; }
    public void setPostalCode(String postalCode) { this.postalCode = postalCode; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getDistrict() { return district; }
    public void setDistrict(String district) { this.district = district; }
    public String getBuildingLine() { return buildingLine; }
    public void setBuildingLine(String buildingLine) { this.buildingLine = buildingLine; }
    public String getPreviousAddress() { return previousAddress; }
    public void setPreviousAddress(String previousAddress) { this.previousAddress = previousAddress; }
    public String getRegisteredDomicile() { return registeredDomicile; }
    public void setRegisteredDomicile(String registeredDomicile) { this.registeredDomicile = registeredDomicile; }
    public String getFamilyRegisterHead() { return familyRegisterHead; }
    public void setFamilyRegisterHead(String familyRegisterHead) { this.familyRegisterHead = familyRegisterHead; }
    public String getIndividualNumber() { return individualNumber; }
    public void setIndividualNumber(String individualNumber) { this.individualNumber = individualNumber; }
    public String getResidentRecordCode() { return residentRecordCode; }
    public void setResidentRecordCode(String residentRecordCode) { this.residentRecordCode = residentRecordCode; }
    public Boolean getOnElectoralRoll() { return onElectoralRoll; }
    public void setOnElectoralRoll(Boolean onElectoralRoll) { this.onElectoralRoll = onElectoralRoll; }
    public Boolean getNationalHealthInsurance() { return nationalHealthInsurance; }
    public void setNationalHealthInsurance(Boolean nationalHealthInsurance) { this.nationalHealthInsurance = nationalHealthInsurance; }
    public Boolean getLateStageElderlyMedicalCare() { return lateStageElderlyMedicalCare; }
    public void setLateStageElderlyMedicalCare(Boolean lateStageElderlyMedicalCare) { this.lateStageElderlyMedicalCare = lateStageElderlyMedicalCare; }
    public Boolean getLongTermCareInsurance() { return longTermCareInsurance; }
    public void setLongTermCareInsurance(Boolean longTermCareInsurance) { this.longTermCareInsurance = longTermCareInsurance; }
    public String getNationalPension() { return nationalPension; }
    public void setNationalPension(String nationalPension) { this.nationalPension = nationalPension; }
    public Boolean getChildAllowance() { return childAllowance; }
    public void setChildAllowance(Boolean childAllowance) { this.childAllowance = childAllowance; }
    public String getNationality() { return nationality; }
    public void setNationality(String nationality) { this.nationality = nationality; }
    public String getAlphabetName() { return alphabetName; }
    public void setAlphabetName(String alphabetName) { this.alphabetName = alphabetName; }
    public String getForeignCategory() { return foreignCategory; }
    public void setForeignCategory(String foreignCategory) { this.foreignCategory = foreignCategory; }
    public String getStatusOfResidence() { return statusOfResidence; }
    public void setStatusOfResidence(String statusOfResidence) { this.statusOfResidence = statusOfResidence; }
    public String getPeriodOfStay() { return periodOfStay; }
    public void setPeriodOfStay(String periodOfStay) { this.periodOfStay = periodOfStay; }
    public String getPeriodExpiresOn() { return periodExpiresOn; }
    public void setPeriodExpiresOn(String periodExpiresOn) { this.periodExpiresOn = periodExpiresOn; }
    public String getCardNumber() { return cardNumber; }
    public void setCardNumber(String cardNumber) { this.cardNumber = cardNumber; }
    public String getDestination() { return destination; }
    public void setDestination(String destination) { this.destination = destination; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public List<String> getMembers() { return members; }
    public void setMembers(List<String> members) { this.members = members == null ? new ArrayList<>() : members; }
    public Map<String, String> getRelationships() { return relationships; }
    public void setRelationships(Map<String, String> relationships) { this.relationships = relationships == null ? new LinkedHashMap<>() : relationships; }
}
