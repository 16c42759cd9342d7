package jp.jichitai.cloud.disaster.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.jichitai.cloud.audit.AuditEvent;
import jp.jichitai.cloud.audit.AuditLog;
import jp.jichitai.cloud.disaster.DamageRatio;
import jp.jichitai.cloud.disaster.DirectoryMatch;
import jp.jichitai.cloud.disaster.DirectoryPerson;
import jp.jichitai.cloud.disaster.PersonQuery;
import jp.jichitai.cloud.disaster.ReportForm;
import jp.jichitai.cloud.disaster.ResidentDirectory;
import jp.jichitai.cloud.disaster.SurveyMethod;

/**
 * The victim support work that spans several registries: a report creates the case and finds the dwelling,
 * a survey decides the level, and every read of personal data is written to the アクセスログ.
 */
@Service
@Transactional
class VictimSupport {

    private final Disasters disasters;
    private final CounterCases cases;
    private final DamagedHouses houses;
    private final ResidentDirectory directory;
    private final AuditLog auditLog;

    VictimSupport(Disasters disasters, CounterCases cases, DamagedHouses houses, ResidentDirectory directory,
            AuditLog auditLog) {
        this.disasters = disasters;
        this.cases = cases;
        this.houses = houses;
        this.directory = directory;
        this.auditLog = auditLog;
    }

    /** 個人検索 within a disaster: audited with the terms and the people shown. */
    @Transactional(readOnly = true)
    List<DirectoryMatch> search(long disasterId, PersonQuery query) {
        disasters.require(disasterId);
        List<DirectoryMatch> found = directory.search(query, 50);
        auditLog.record(AuditEvent.of("disaster.victim.search", "disaster:" + disasterId + " "
                + found.stream().map(match -> "atena:" + match.person().atenaNumber()).collect(Collectors.joining(" ")))
                .query(String.join(" ", query.kana(), query.name(), query.birthDate()).strip()));
        return found;
    }

    /** The people with a report in the disaster (the victim registry's entries so far). */
    @Transactional(readOnly = true)
    List<DirectoryPerson> reportedVictims(long disasterId) {
        disasters.require(disasterId);
        List<DirectoryPerson> people = cases.reportedPeople(disasterId).stream()
                .flatMap(atena -> directory.findByAtenaNumber(atena).stream()).map(DirectoryMatch::person).toList();
        auditLog.record(AuditEvent.of("disaster.victim.list", "disaster:" + disasterId).query(people.size() + " people"));
        return people;
    }

    /** A person looked up by 宛名番号 for a case screen; audited. */
    @Transactional(readOnly = true)
    DirectoryMatch person(long disasterId, long caseId, String atenaNumber) {
        DirectoryMatch match = directory.findByAtenaNumber(atenaNumber)
                .orElseThrow(() -> Refusals.refusal("E-DIS-0027", atenaNumber));
        auditLog.record(AuditEvent.of("disaster.victim.view", "disaster:" + disasterId + " case:" + caseId
                + " atena:" + atenaNumber));
        return match;
    }

    /** A damage report through the API: the person is known by 宛名番号; the dwelling is their address. */
    long report(long disasterId, String atenaNumber, LocalDate reportedOn, String description) {
        Disaster disaster = disasters.require(disasterId);
        checkReport(disaster, reportedOn, description);
        DirectoryMatch match = directory.findByAtenaNumber(atenaNumber)
                .orElseThrow(() -> Refusals.refusal("E-DIS-0027", atenaNumber));
        DamagedHouses.Dwelling dwelling = dwellingOf(disasterId, match, match.person().fullAddress());
        long id = cases.openReported(disasterId, reportedOn, description.strip(), atenaNumber,
                match.person().householdNumber(), dwelling.id());
        auditLog.record(AuditEvent.of("disaster.report.create", "disaster:" + disasterId + " case:" + id
                + " atena:" + atenaNumber));
        return id;
    }

    static void checkReport(Disaster disaster, LocalDate reportedOn, String description) {
        if (reportedOn == null || reportedOn.isBefore(disaster.occurredOn()) || reportedOn.isAfter(DisasterCertificates.today())) {
            throw Refusals.refusal("E-DIS-0032");
        }
        if (description == null || description.isBlank() || description.length() > 1000) {
            throw Refusals.refusal("E-DIS-0031");
        }
    }

    /** A survey through the API: recorded for the report's dwelling, today, by the signed-in surveyor. */
    DamagedHouses.Survey survey(long disasterId, long reportId, DamageRatio ratio) {
        disasters.require(disasterId);
        CounterCase report = cases.require(disasterId, reportId);
        if (report.dwellingId() == null) {
            throw Refusals.refusal("E-DIS-0034", CaseStep.PERSON.title());
        }
        DamagedHouses.Survey survey = houses.recordSurvey(disasterId, report.dwellingId(), DisasterCertificates.today(),
                Disasters.currentUser(), SurveyMethod.EXTERIOR, ratio);
        cases.advanceTo(disasterId, reportId, CaseStep.APPLICATION);
        auditLog.record(AuditEvent.of("disaster.survey.record", "disaster:" + disasterId + " case:" + reportId
                + " dwelling:" + report.dwellingId()).query(ratio.toString()));
        return survey;
    }

    /** Step 003: the clerk chose the person; the dwelling defaults to the household's address. */
    CounterCase choosePerson(long disasterId, long caseId, int version, String atenaNumber) {
        DirectoryMatch match = directory.findByAtenaNumber(atenaNumber)
                .orElseThrow(() -> Refusals.refusal("E-DIS-0027", atenaNumber));
        CounterCase current = cases.require(disasterId, caseId);
        long dwellingId = current.dwellingId() != null && match.person().householdNumber().equals(current.householdNumber())
                ? current.dwellingId() : dwellingOf(disasterId, match, match.person().fullAddress()).id();
        CounterCase saved = cases.savePerson(disasterId, caseId, version, atenaNumber, match.person().householdNumber(),
                dwellingId);
        auditLog.record(AuditEvent.of("disaster.case.person", "disaster:" + disasterId + " case:" + caseId
                + " atena:" + atenaNumber));
        return saved;
    }

    /** Step 004: the dwelling (its address as surveyed) and the survey; the level follows from the ratio. */
    CounterCase recordDamage(long disasterId, long caseId, int version, String address, LocalDate surveyedOn,
            String surveyor, SurveyMethod method, DamageRatio ratio) {
        CounterCase current = cases.require(disasterId, caseId);
        if (current.atenaNumber() == null) {
            throw Refusals.refusal("E-DIS-0034", CaseStep.PERSON.title());
        }
        DirectoryMatch match = directory.findByAtenaNumber(current.atenaNumber())
                .orElseThrow(() -> Refusals.refusal("E-DIS-0027", current.atenaNumber()));
        DamagedHouses.Dwelling dwelling = dwellingOf(disasterId, match, address);
        // The version check first: a stale save must not append a survey.
        CounterCase saved = cases.saveDamage(disasterId, caseId, version, dwelling.id());
        houses.recordSurvey(disasterId, dwelling.id(), surveyedOn, surveyor, method, ratio);
        auditLog.record(AuditEvent.of("disaster.survey.record", "disaster:" + disasterId + " case:" + caseId
                + " dwelling:" + dwelling.id()).query(ratio.toString()));
        return saved;
    }

    CounterCase saveReport(long disasterId, long caseId, int version, LocalDate reportedOn, ReportForm form,
            String description) {
        checkReport(disasters.require(disasterId), reportedOn, description);
        return cases.saveReport(disasterId, caseId, version, reportedOn, form, description.strip());
    }

    private DamagedHouses.Dwelling dwellingOf(long disasterId, DirectoryMatch match, String address) {
        String occupants = match.household().stream().map(DirectoryPerson::name).collect(Collectors.joining("、"));
        return houses.dwellingAt(disasterId, address, match.person().districtCode(), match.person().districtName(),
                match.person().householdNumber(), occupants);
    }
}
