package jp.jichitai.cloud.residents.registry;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.jichitai.cloud.audit.AuditEvent;
import jp.jichitai.cloud.audit.AuditLog;
import jp.jichitai.cloud.residents.Address;
import jp.jichitai.cloud.residents.AdministrativeDistrict;
import jp.jichitai.cloud.residents.AtenaNumber;
import jp.jichitai.cloud.residents.CertificateOptions;
import jp.jichitai.cloud.residents.CertificateView;
import jp.jichitai.cloud.residents.Change;
import jp.jichitai.cloud.residents.ChangeKind;
import jp.jichitai.cloud.residents.ChangeReceipt;
import jp.jichitai.cloud.residents.ChangeRequest;
import jp.jichitai.cloud.residents.ForeignResidentCategory;
import jp.jichitai.cloud.residents.ForeignResidentItems;
import jp.jichitai.cloud.residents.HistoryEntry;
import jp.jichitai.cloud.residents.HouseholdNumber;
import jp.jichitai.cloud.residents.HouseholdRules;
import jp.jichitai.cloud.residents.HouseholdView;
import jp.jichitai.cloud.residents.IndividualNumber;
import jp.jichitai.cloud.residents.NewResident;
import jp.jichitai.cloud.residents.PersonName;
import jp.jichitai.cloud.residents.RecordedDate;
import jp.jichitai.cloud.residents.Relationship;
import jp.jichitai.cloud.residents.Resident;
import jp.jichitai.cloud.residents.ResidentHistory;
import jp.jichitai.cloud.residents.ResidentKind;
import jp.jichitai.cloud.residents.ResidentRecord;
import jp.jichitai.cloud.residents.ResidentStatus;
import jp.jichitai.cloud.residents.ResidentSummary;
import jp.jichitai.cloud.residents.Residents;
import jp.jichitai.cloud.residents.Entitlements;
import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.shared.MessageId;
import jp.jichitai.cloud.shared.Messages;
import jp.jichitai.cloud.tenancy.TenantContext;

/**
 * The registry's use cases. A change is one transaction: the histories it touches are loaded, the domain's
 * {@link ResidentHistory} checks and appends each snapshot, {@link HouseholdRules} checks every household it
 * touched (exactly one 世帯主 among the current members), and the store appends the snapshots; the household moves
 * on only from the 履歴番号 that was read, so of two clerks changing one household at once the second is refused
 * with a Japanese message and nothing of either is half-written.
 */
@Service
class RegistryService implements Residents {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Messages MESSAGES = Messages.of("residents");

    private final RegistryStore store;
    private final ResidentSearch search;
    private final AuditLog auditLog;

    RegistryService(RegistryStore store, ResidentSearch search, AuditLog auditLog) {
        this.store = store;
        this.search = search;
        this.auditLog = auditLog;
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public List<ResidentSummary> search(String query) {
        List<ResidentSummary> results = search.search(RegistryStore.tenant(), query, ResidentSearch.LIMIT);
        auditLog.record(AuditEvent.of("resident.search", targets(results.stream().map(ResidentSummary::atenaNumber).toList()))
                .query(query == null ? "" : query));
        return results;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ResidentRecord> find(AtenaNumber atenaNumber) {
        List<RegistryStore.StoredEntry> entries = store.entries(atenaNumber, false);
        if (entries.isEmpty()) {
            auditLog.record(AuditEvent.of("resident.view", "atena:" + atenaNumber).outcome(AuditEvent.Outcome.FAILURE));
            return Optional.empty();
        }
        auditLog.record(AuditEvent.of("resident.view", "atena:" + atenaNumber));
        RegistryStore.StoredEntry latest = entries.get(entries.size() - 1);
        return Optional.of(new ResidentRecord(latest.snapshot(), latest.historyNumber(), latest.individualNumberRecorded(),
                entries.stream().map(entry -> new ResidentRecord.Entry(entry.historyNumber(), entry.change(), entry.snapshot()))
                        .toList()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Resident> currentHouseholdsOf(Collection<AtenaNumber> people) {
        if (people.isEmpty()) {
            return List.of();
        }
        List<Resident> found = store.currentHouseholdMembersOf(people).stream().filter(member -> !member.isRemoved())
                .toList();
        String asked = String.join(",", people.stream().map(AtenaNumber::value).toList());
        auditLog.record(AuditEvent.of("household.view", targets(found.stream().map(Resident::atenaNumber).toList()))
                .query("households-of:" + asked)
                .outcome(found.isEmpty() ? AuditEvent.Outcome.FAILURE : AuditEvent.Outcome.SUCCESS));
        return found;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<HouseholdView> household(HouseholdNumber number) {
        Optional<RegistryStore.HouseholdState> state = store.household(number);
        if (state.isEmpty()) {
            auditLog.record(AuditEvent.of("household.view", "household:" + number).outcome(AuditEvent.Outcome.FAILURE));
            return Optional.empty();
        }
        List<Resident> members = new ArrayList<>();
        List<Resident> former = new ArrayList<>();
        for (AtenaNumber atena : store.everMembers(number)) {
            List<RegistryStore.StoredEntry> entries = store.entries(atena, false);
            Resident current = entries.get(entries.size() - 1).snapshot();
            if (current.householdNumber().equals(number) && !current.isRemoved()) {
                members.add(current);
            } else {
                former.add(current);
            }
        }
        members.sort(Comparator.comparing((Resident member) -> !member.relationship().isHouseholdHead())
                .thenComparing(member -> member.birthDate()));
        former.sort(Comparator.comparing(Resident::atenaNumber));
        String address = members.isEmpty() ? former.stream().findFirst().map(r -> addressText(r.address())).orElse("")
                : addressText(members.get(0).address());
        List<HouseholdView.TimelineEntry> timeline = store.householdTimeline(number).stream()
                .map(step -> new HouseholdView.TimelineEntry(step.historyNumber(), step.change(), step.names())).toList();
        auditLog.record(AuditEvent.of("household.view", targets(members.stream().map(Resident::atenaNumber).toList()))
                .query("household:" + number));
        return Optional.of(new HouseholdView(number, state.get().historyNumber(), state.get().head(), address, members,
                former, timeline));
    }

    static String addressText(Address address) {
        return address.buildingLine().isEmpty() ? address.text() : address.text() + "　" + address.buildingLine();
    }

    @Override
    @Transactional
    @PreAuthorize("hasAnyRole('TENANT_ADMIN', 'CLERK')")
    public Optional<IndividualNumber> showIndividualNumber(AtenaNumber atenaNumber, String purpose) {
        Optional<String> stored = store.latestIndividualNumberCipher(atenaNumber);
        String reason = purpose == null || purpose.isBlank() ? "（目的の記載なし）" : purpose.strip();
        if (stored.isEmpty()) {
            auditLog.record(AuditEvent.of("individual-number.show", "atena:" + atenaNumber).query(reason)
                    .outcome(AuditEvent.Outcome.FAILURE));
            return Optional.empty();
        }
        IndividualNumber number = store.decrypt(stored.get(), atenaNumber);
        store.recordDisclosure(atenaNumber, currentUser(), reason.length() > 200 ? reason.substring(0, 200) : reason);
        auditLog.record(AuditEvent.of("individual-number.show", "atena:" + atenaNumber).query(reason));
        return Optional.of(number);
    }

    @Override
    @Transactional
    @PreAuthorize("hasAnyRole('TENANT_ADMIN', 'CLERK')")
    public CertificateView certificateView(AtenaNumber atenaNumber, List<AtenaNumber> chosen, CertificateOptions options) {
        List<RegistryStore.StoredEntry> entries = store.entries(atenaNumber, options.individualNumber());
        if (entries.isEmpty()) {
            throw refusal("E-RES-0064", atenaNumber);
        }
        Resident person = entries.get(entries.size() - 1).snapshot();
        HouseholdNumber household = person.householdNumber();
        List<AtenaNumber> wanted = chosen.isEmpty()
                ? (person.isRemoved() ? List.of(atenaNumber) : store.currentMembers(household)) : chosen;
        List<CertificateView.Member> members = new ArrayList<>();
        Optional<PersonName> headName = Optional.empty();
        for (AtenaNumber atena : store.currentMembers(household)) {
            Resident member = last(store.entries(atena, false));
            if (member.relationship().isHouseholdHead()) {
                headName = Optional.of(member.name());
            }
        }
        for (AtenaNumber atena : wanted) {
            List<RegistryStore.StoredEntry> memberEntries = atena.equals(atenaNumber) ? entries
                    : store.entries(atena, options.individualNumber());
            if (memberEntries.isEmpty() || !last(memberEntries).householdNumber().equals(household)) {
                throw refusal("E-RES-0068", atena);
            }
            Resident printed = filtered(last(memberEntries), options);
            members.add(new CertificateView.Member(printed, memberEntries.stream()
                    .map(entry -> new ResidentRecord.Entry(entry.historyNumber(), entry.change(), filtered(entry.snapshot(), options)))
                    .toList()));
        }
        auditLog.record(AuditEvent.of("resident.certificate-view", targets(wanted)).query(options.toString()));
        return new CertificateView(household, options.headAndRelationship() ? headName : Optional.empty(), members, options,
                members.stream().allMatch(member -> member.snapshot().isRemoved()));
    }

    private static Resident filtered(Resident snapshot, CertificateOptions options) {
        Resident.Builder builder = snapshot.toBuilder();
        if (!options.familyRegister()) {
            builder.familyRegister(Optional.empty());
        }
        if (!options.residentRecordCode()) {
            builder.residentRecordCode(Optional.empty());
        }
        if (!options.individualNumber()) {
            builder.individualNumber(Optional.empty());
        }
        return builder.build();
    }

    private static Resident last(List<RegistryStore.StoredEntry> entries) {
        return entries.get(entries.size() - 1).snapshot();
    }

    @Override
    @Transactional(readOnly = true)
    public List<AdministrativeDistrict> districts() {
        return store.districts();
    }

    // ---- changes ---------------------------------------------------------------------------------------------

    @Override
    @Transactional
    @PreAuthorize("hasAnyRole('TENANT_ADMIN', 'CLERK')")
    public ChangeReceipt record(ChangeRequest request) {
        ChangeReceipt receipt = recordAs(request, currentUser());
        ChangeKind kind = receipt.kind();
        auditLog.record(AuditEvent.of("resident.change", targets(receipt.residents()))
                .query(kind.japanese() + " 異動番号 " + receipt.changeId()));
        return receipt;
    }

    /**
     * The change itself, every rule checked, recorded by {@code user}; the caller audits it (the counter's
     * {@link #record}, or {@link OfflineChangeReplay} with the offline counter's actor and time).
     */
    ChangeReceipt recordAs(ChangeRequest request, String user) {
        store.holdAgainstImports();
        Work work = new Work(LocalDate.now(TOKYO));
        ChangeKind kind = dispatch(work, request);
        work.checkExpected(request);
        return work.commit(kind, request, user);
    }

    private ChangeKind dispatch(Work work, ChangeRequest request) {
        if (request instanceof ChangeRequest.MoveIn moveIn) {
            return moveIn(work, moveIn);
        } else if (request instanceof ChangeRequest.Birth birth) {
            return birth(work, birth);
        } else if (request instanceof ChangeRequest.Relocation relocation) {
            return relocation(work, relocation);
        } else if (request instanceof ChangeRequest.HouseholdSeparation separation) {
            return separation(work, separation);
        } else if (request instanceof ChangeRequest.HouseholdMerger merger) {
            return merger(work, merger);
        } else if (request instanceof ChangeRequest.HouseholdChange change) {
            return householdChange(work, change);
        } else if (request instanceof ChangeRequest.HeadChange headChange) {
            return headChange(work, headChange);
        } else if (request instanceof ChangeRequest.MoveOut moveOut) {
            return moveOut(work, moveOut);
        } else if (request instanceof ChangeRequest.Death death) {
            return removal(work, death.resident(), death.newHead(),
                    new Change(ChangeKind.DEATH, death.changedOn(), death.notifiedOn()), ResidentStatus.DECEASED);
        } else if (request instanceof ChangeRequest.ExOfficioRemoval removal) {
            return removal(work, removal.resident(), removal.newHead(),
                    Change.exOfficio(ChangeKind.EX_OFFICIO_REMOVAL, removal.changedOn()), ResidentStatus.REMOVED_EX_OFFICIO);
        } else if (request instanceof ChangeRequest.Correction correction) {
            return correction(work, correction);
        } else if (request instanceof ChangeRequest.NameItem nameItem) {
            return nameItem(work, nameItem);
        } else if (request instanceof ChangeRequest.Cancellation cancellation) {
            return cancellation(work, cancellation);
        }
        throw new IllegalArgumentException("unknown change request " + request);
    }

    private ChangeKind moveIn(Work work, ChangeRequest.MoveIn request) {
        if (request.kind() != ChangeKind.DOMESTIC_MOVE_IN && request.kind() != ChangeKind.MOVE_IN_FROM_ABROAD
                && request.kind() != ChangeKind.EX_OFFICIO_ENTRY) {
            throw refusal("E-RES-0062", request.kind().japanese());
        }
        NewResident person = request.person();
        HouseholdNumber household;
        Address address = person.address();
        if (request.joinHousehold().isPresent()) {
            household = request.joinHousehold().get();
            Resident head = work.headOf(household);
            address = head.address();
            work.requireHouseholdDistrict(household, address);
            work.main(household);
        } else {
            work.requireDistrict(address);
            household = HouseholdNumber.issued(store.next(RegistryStore.HOUSEHOLD_COUNTER));
            work.newHousehold(household);
        }
        AtenaNumber atena = AtenaNumber.issued(store.next(RegistryStore.ATENA_COUNTER));
        RecordedDate on = RecordedDate.of(request.changedOn());
        Resident snapshot = Resident.builder().atenaNumber(atena).householdNumber(household).kind(person.kind())
                .status(ResidentStatus.RESIDENT).name(person.name()).birthDate(person.birthDate()).sex(person.sex())
                .relationship(person.relationship()).familyRegister(person.familyRegister()).address(address)
                .previousAddress(person.previousAddress()).becameResidentOn(on).addressSettledOn(on)
                .changedOn(request.changedOn()).individualNumber(person.individualNumber())
                .residentRecordCode(person.residentRecordCode()).entitlements(person.entitlements())
                .foreignItems(person.foreignItems()).build();
        Change change = request.kind() == ChangeKind.EX_OFFICIO_ENTRY
                ? Change.exOfficio(request.kind(), request.changedOn())
                : new Change(request.kind(), request.changedOn(), request.notifiedOn());
        work.begin(change, snapshot);
        return request.kind();
    }

    private ChangeKind birth(Work work, ChangeRequest.Birth request) {
        Resident head = work.headOf(request.household());
        work.requireHouseholdDistrict(request.household(), head.address());
        work.main(request.household());
        RecordedDate born = RecordedDate.of(request.changedOn());
        Optional<ForeignResidentItems> foreign = head.foreignItems().map(items -> new ForeignResidentItems(
                items.nationalityOrRegion(), request.name().name(), ForeignResidentCategory.TRANSITIONAL_STAY,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), born));
        Resident child = Resident.builder()
                .atenaNumber(AtenaNumber.issued(store.next(RegistryStore.ATENA_COUNTER)))
                .householdNumber(request.household()).kind(head.kind()).status(ResidentStatus.RESIDENT)
                .name(request.name()).birthDate(born).sex(request.sex()).relationship(request.relationship())
                .familyRegister(head.kind() == ResidentKind.JAPANESE
                        ? request.familyRegister().or(head::familyRegister) : Optional.empty())
                .address(head.address()).becameResidentOn(born).addressSettledOn(born).changedOn(request.changedOn())
                .entitlements(request.entitlements()).foreignItems(foreign).build();
        work.begin(new Change(ChangeKind.BIRTH, request.changedOn(), request.notifiedOn()), child);
        return ChangeKind.BIRTH;
    }

    private ChangeKind relocation(Work work, ChangeRequest.Relocation request) {
        work.requireDistrict(request.newAddress());
        Change change = new Change(ChangeKind.MOVE_WITHIN_MUNICIPALITY, request.changedOn(), request.notifiedOn());
        Resident person = work.current(request.resident());
        RecordedDate settled = RecordedDate.of(request.changedOn());
        work.append(request.resident(), change, person.toBuilder().address(request.newAddress()).addressSettledOn(settled).build());
        work.main(person.householdNumber());
        for (AtenaNumber member : store.currentMembers(person.householdNumber())) {
            if (!member.equals(request.resident())) {
                Resident current = work.current(member);
                work.append(member, change, current.toBuilder().address(request.newAddress()).addressSettledOn(settled).build());
            }
        }
        return ChangeKind.MOVE_WITHIN_MUNICIPALITY;
    }

    private ChangeKind separation(Work work, ChangeRequest.HouseholdSeparation request) {
        Resident person = work.current(request.resident());
        work.main(person.householdNumber());
        if (person.relationship().isHouseholdHead() && store.currentMembers(person.householdNumber()).size() > 1) {
            throw refusal("E-RES-0065", person.name().name());
        }
        HouseholdNumber created = HouseholdNumber.issued(store.next(RegistryStore.HOUSEHOLD_COUNTER));
        work.newHousehold(created);
        work.append(request.resident(), new Change(ChangeKind.HOUSEHOLD_SEPARATION, request.changedOn(), request.notifiedOn()),
                person.toBuilder().householdNumber(created).relationship(Relationship.HOUSEHOLD_HEAD).build());
        return ChangeKind.HOUSEHOLD_SEPARATION;
    }

    private ChangeKind merger(Work work, ChangeRequest.HouseholdMerger request) {
        if (request.from().equals(request.into())) {
            throw refusal("E-RES-0063");
        }
        Resident intoHead = work.headOf(request.into());
        Resident fromHead = work.headOf(request.from());
        work.main(request.into());
        work.touch(request.from());
        requireSameAddress(fromHead, intoHead);
        Change change = new Change(ChangeKind.HOUSEHOLD_MERGER, request.changedOn(), request.notifiedOn());
        for (AtenaNumber member : store.currentMembers(request.from())) {
            Resident current = work.current(member);
            Relationship relationship = request.relationships().get(member);
            if (relationship == null) {
                throw refusal("E-RES-0067", current.name().name(), member);
            }
            work.append(member, change, current.toBuilder().householdNumber(request.into()).relationship(relationship).build());
        }
        return ChangeKind.HOUSEHOLD_MERGER;
    }

    private ChangeKind householdChange(Work work, ChangeRequest.HouseholdChange request) {
        Resident person = work.current(request.resident());
        if (person.householdNumber().equals(request.into())) {
            throw refusal("E-RES-0063");
        }
        Resident intoHead = work.headOf(request.into());
        work.main(request.into());
        work.touch(person.householdNumber());
        if (person.relationship().isHouseholdHead() && store.currentMembers(person.householdNumber()).size() > 1) {
            throw refusal("E-RES-0065", person.name().name());
        }
        requireSameAddress(person, intoHead);
        work.append(request.resident(), new Change(ChangeKind.HOUSEHOLD_CHANGE, request.changedOn(), request.notifiedOn()),
                person.toBuilder().householdNumber(request.into()).relationship(request.relationship()).build());
        return ChangeKind.HOUSEHOLD_CHANGE;
    }

    private ChangeKind headChange(Work work, ChangeRequest.HeadChange request) {
        Resident oldHead = work.headOf(request.household());
        work.main(request.household());
        List<AtenaNumber> members = store.currentMembers(request.household());
        if (!members.contains(request.newHead())) {
            throw refusal("E-RES-0068", request.newHead());
        }
        if (request.newHead().equals(oldHead.atenaNumber())) {
            throw refusal("E-RES-0072", oldHead.name().name());
        }
        Change change = new Change(ChangeKind.HOUSEHOLD_HEAD_CHANGE, request.changedOn(), request.notifiedOn());
        for (AtenaNumber member : members) {
            Resident current = work.current(member);
            Relationship next;
            if (member.equals(request.newHead())) {
                next = Relationship.HOUSEHOLD_HEAD;
            } else if (request.relationships().containsKey(member)) {
                next = request.relationships().get(member);
            } else if (member.equals(oldHead.atenaNumber())) {
                throw refusal("E-RES-0067", current.name().name(), member);
            } else {
                continue;
            }
            work.append(member, change, current.toBuilder().relationship(next).build());
        }
        return ChangeKind.HOUSEHOLD_HEAD_CHANGE;
    }

    private ChangeKind moveOut(Work work, ChangeRequest.MoveOut request) {
        if (!request.kind().isMoveOut()) {
            throw refusal("E-RES-0062", request.kind().japanese());
        }
        if (request.members().isEmpty()) {
            throw refusal("E-RES-0070", "転出する住民");
        }
        Change change = new Change(request.kind(), request.changedOn(), request.notifiedOn());
        HouseholdNumber household = null;
        for (AtenaNumber member : request.members()) {
            Resident current = work.current(member);
            if (household == null) {
                household = current.householdNumber();
                work.main(household);
            } else if (!household.equals(current.householdNumber())) {
                throw refusal("E-RES-0068", member);
            }
            work.append(member, change, current.toBuilder().status(ResidentStatus.MOVED_OUT).build());
        }
        work.note("転出先: " + request.destination());
        requireHeadStays(work, household, request.members(), Optional.empty(), change);
        return request.kind();
    }

    private ChangeKind removal(Work work, AtenaNumber resident, Optional<AtenaNumber> newHead, Change change,
            ResidentStatus status) {
        Resident current = work.current(resident);
        work.main(current.householdNumber());
        work.append(resident, change, current.toBuilder().status(status).build());
        requireHeadStays(work, current.householdNumber(), List.of(resident), newHead, change);
        return change.kind();
    }

    /** When the 世帯主 leaves and others stay, a new head must be named (made 世帯主 by the same change). */
    private void requireHeadStays(Work work, HouseholdNumber household, List<AtenaNumber> leaving,
            Optional<AtenaNumber> newHead, Change change) {
        boolean headLeaves = leaving.stream().anyMatch(atena -> work.before(atena).relationship().isHouseholdHead());
        List<AtenaNumber> staying = store.currentMembers(household).stream().filter(atena -> !leaving.contains(atena)).toList();
        if (!headLeaves || staying.isEmpty()) {
            return;
        }
        if (newHead.isEmpty()) {
            throw refusal("E-RES-0069", work.before(leaving.get(0)).name().name());
        }
        if (!staying.contains(newHead.get())) {
            throw refusal("E-RES-0068", newHead.get());
        }
        Resident next = work.current(newHead.get());
        work.append(newHead.get(), new Change(ChangeKind.HOUSEHOLD_HEAD_CHANGE, change.changedOn(), change.notifiedOn()),
                next.toBuilder().relationship(Relationship.HOUSEHOLD_HEAD).build());
    }

    private ChangeKind correction(Work work, ChangeRequest.Correction request) {
        if (request.kind() != ChangeKind.EX_OFFICIO_CORRECTION && request.kind() != ChangeKind.CLERICAL_ERROR_CORRECTION) {
            throw refusal("E-RES-0062", request.kind().japanese());
        }
        if (request.items().isEmpty()) {
            throw refusal("E-RES-0070", "修正する項目");
        }
        Resident current = work.current(request.resident());
        work.main(current.householdNumber());
        Resident.Builder next = current.toBuilder();
        request.items().name().ifPresent(next::name);
        request.items().birthDate().ifPresent(next::birthDate);
        request.items().sex().ifPresent(next::sex);
        request.items().relationship().ifPresent(next::relationship);
        request.items().familyRegister().ifPresent(register -> next.familyRegister(Optional.of(register)));
        request.items().residentRecordCode().ifPresent(code -> next.residentRecordCode(Optional.of(code)));
        request.items().entitlements().ifPresent(next::entitlements);
        if (request.items().buildingLine().isPresent() || request.items().administrativeDistrict().isPresent()) {
            Address recorded = current.address();
            Address corrected = new Address(recorded.postalCode(), recorded.text(),
                    request.items().administrativeDistrict().orElse(recorded.administrativeDistrict()),
                    request.items().buildingLine().orElse(recorded.buildingLine()));
            if (request.items().administrativeDistrict().isPresent()) {
                work.requireDistrict(corrected);
            }
            next.address(corrected);
        }
        Change change = request.kind() == ChangeKind.EX_OFFICIO_CORRECTION || request.notifiedOn().isEmpty()
                ? Change.exOfficio(request.kind(), request.changedOn())
                : new Change(request.kind(), request.changedOn(), request.notifiedOn());
        work.append(request.resident(), change, next.build());
        return request.kind();
    }

    private ChangeKind nameItem(Work work, ChangeRequest.NameItem request) {
        ChangeKind kind = request.kind();
        boolean formerSurname = kind == ChangeKind.FORMER_SURNAME_ENTRY || kind == ChangeKind.FORMER_SURNAME_CHANGE
                || kind == ChangeKind.FORMER_SURNAME_DELETION;
        boolean commonName = kind == ChangeKind.COMMON_NAME_ENTRY || kind == ChangeKind.COMMON_NAME_CHANGE
                || kind == ChangeKind.COMMON_NAME_DELETION;
        if (!formerSurname && !commonName) {
            throw refusal("E-RES-0062", kind.japanese());
        }
        Resident current = work.current(request.resident());
        work.main(current.householdNumber());
        boolean recorded = formerSurname ? current.formerSurname().isPresent() : current.commonName().isPresent();
        boolean entry = kind == ChangeKind.FORMER_SURNAME_ENTRY || kind == ChangeKind.COMMON_NAME_ENTRY;
        if (entry && recorded) {
            throw refusal("E-RES-0073", kind.japanese(), formerSurname ? "旧氏" : "通称");
        }
        if (!entry && !recorded) {
            throw refusal("E-RES-0074", kind.japanese(), formerSurname ? "旧氏" : "通称");
        }
        Optional<PersonName> name = kind == ChangeKind.FORMER_SURNAME_DELETION || kind == ChangeKind.COMMON_NAME_DELETION
                ? Optional.empty() : request.name();
        Resident.Builder next = current.toBuilder();
        if (formerSurname) {
            next.formerSurname(name);
        } else {
            next.commonName(name);
        }
        work.append(request.resident(), new Change(kind, request.changedOn(), request.notifiedOn()), next.build());
        return kind;
    }

    private ChangeKind cancellation(Work work, ChangeRequest.Cancellation request) {
        List<RegistryStore.StoredEntry> entries = work.entries(request.resident());
        RegistryStore.StoredEntry latest = entries.get(entries.size() - 1);
        Change cancel = Change.exOfficio(ChangeKind.CANCELLATION, request.changedOn());
        work.cancels(latest.changeId(), request.reason());
        for (Map.Entry<AtenaNumber, Integer> touched : store.residentsOfChange(latest.changeId()).entrySet()) {
            List<RegistryStore.StoredEntry> theirs = work.entries(touched.getKey());
            if (theirs.get(theirs.size() - 1).historyNumber() != touched.getValue()) {
                throw refusal("E-RES-0071", theirs.get(0).snapshot().name().name(), touched.getKey());
            }
            work.cancelLatest(touched.getKey(), cancel);
        }
        return ChangeKind.CANCELLATION;
    }

    private static void requireSameAddress(Resident one, Resident other) {
        if (!one.address().text().equals(other.address().text())) {
            throw refusal("E-RES-0066", addressText(one.address()), addressText(other.address()));
        }
    }

    static BusinessException refusal(String id, Object... arguments) {
        Object[] texts = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            texts[i] = String.valueOf(arguments[i]);
        }
        return MESSAGES.refusal(MessageId.of(id), texts);
    }

    static String currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }

    private static String targets(List<AtenaNumber> numbers) {
        String joined = String.join(",", numbers.stream().map(AtenaNumber::value).toList());
        return numbers.isEmpty() ? "atena:none" : joined.length() > 190 ? "atena:" + joined.substring(0, 180) + "..." : "atena:" + joined;
    }

    /**
     * One change in the making: the histories read, the snapshots appended so far, the households touched. Nothing
     * is written until {@link #commit}.
     */
    private final class Work {
        private final LocalDate today;
        private final Map<AtenaNumber, List<RegistryStore.StoredEntry>> stored = new LinkedHashMap<>();
        private final Map<AtenaNumber, ResidentHistory> histories = new LinkedHashMap<>();
        private final Map<AtenaNumber, Integer> previous = new LinkedHashMap<>();
        private final Map<AtenaNumber, List<HistoryEntry>> appended = new LinkedHashMap<>();
        private final Map<HouseholdNumber, Integer> households = new LinkedHashMap<>();
        private HouseholdNumber main;
        private Long cancelsChangeId;
        private String note;
        private Set<String> districtCodes;

        Work(LocalDate today) {
            this.today = today;
        }

        /**
         * An address this change sets (転入 heading a new household, 転居, a correction of the 行政区) must name one
         * of the town's 行政区: the standard data_d0101 requires the 行政区コード, so a record without one could be
         * exported but never imported again (E-MIG-0101 / E-MIG-0201).
         */
        void requireDistrict(Address address) {
            String code = address.administrativeDistrict().strip();
            if (code.isEmpty()) {
                throw refusal("E-RES-0083");
            }
            if (!districtCodes().contains(address.administrativeDistrict())) {
                throw refusal("E-RES-0084", address.administrativeDistrict());
            }
        }

        /**
         * A person entered into an existing household (出生, 転入 joining it) takes the household's address; a
         * household recorded before the 行政区 was required may lack one, and is refused rather than given another
         * record that cannot be exported: the clerk first corrects the members' 行政区.
         */
        void requireHouseholdDistrict(HouseholdNumber household, Address address) {
            if (!districtCodes().contains(address.administrativeDistrict())) {
                throw refusal("E-RES-0085", household);
            }
        }

        private Set<String> districtCodes() {
            if (districtCodes == null) {
                districtCodes = new java.util.HashSet<>();
                store.districts().forEach(district -> districtCodes.add(district.code()));
            }
            return districtCodes;
        }

        List<RegistryStore.StoredEntry> entries(AtenaNumber atena) {
            List<RegistryStore.StoredEntry> entries = stored.computeIfAbsent(atena, number -> store.entries(number, true));
            if (entries.isEmpty()) {
                throw refusal("E-RES-0064", atena);
            }
            return entries;
        }

        ResidentHistory history(AtenaNumber atena) {
            return histories.computeIfAbsent(atena, number -> {
                List<RegistryStore.StoredEntry> entries = entries(number);
                previous.put(number, entries.get(entries.size() - 1).historyNumber());
                return ResidentHistory.reconstitute(entries.stream().map(RegistryStore.StoredEntry::toHistoryEntry).toList());
            });
        }

        /** The person's record as it is now within this change (after what this change already appended). */
        Resident current(AtenaNumber atena) {
            return history(atena).current();
        }

        /** The person's record before this change. */
        Resident before(AtenaNumber atena) {
            List<RegistryStore.StoredEntry> entries = entries(atena);
            return entries.get(entries.size() - 1).snapshot();
        }

        Resident headOf(HouseholdNumber household) {
            RegistryStore.HouseholdState state = householdState(household);
            if (state.dissolved() || state.head().isEmpty()) {
                throw refusal("E-RES-0075", household);
            }
            return current(state.head().get());
        }

        private RegistryStore.HouseholdState householdState(HouseholdNumber household) {
            RegistryStore.HouseholdState state = store.household(household)
                    .orElseThrow(() -> refusal("E-RES-0075", household));
            households.putIfAbsent(household, state.historyNumber());
            return state;
        }

        void main(HouseholdNumber household) {
            touch(household);
            if (main == null) {
                main = household;
            }
        }

        void touch(HouseholdNumber household) {
            if (!households.containsKey(household)) {
                householdState(household);
            }
        }

        void newHousehold(HouseholdNumber household) {
            households.put(household, 0);
            if (main == null) {
                main = household;
            }
        }

        void note(String text) {
            note = text;
        }

        void cancels(long changeId, String reason) {
            cancelsChangeId = changeId;
            note = reason;
        }

        void begin(Change change, Resident snapshot) {
            ResidentHistory history = ResidentHistory.begin(change, snapshot, today);
            histories.put(snapshot.atenaNumber(), history);
            stored.put(snapshot.atenaNumber(), List.of());
            previous.put(snapshot.atenaNumber(), 0);
            appended.computeIfAbsent(snapshot.atenaNumber(), number -> new ArrayList<>()).add(history.latest());
        }

        void append(AtenaNumber atena, Change change, Resident next) {
            HistoryEntry entry = history(atena).record(change, next, today);
            appended.computeIfAbsent(atena, number -> new ArrayList<>()).add(entry);
            touchHouseholdsOf(atena, entry.snapshot());
        }

        void cancelLatest(AtenaNumber atena, Change cancellation) {
            Resident before = before(atena);
            HistoryEntry entry = history(atena).cancelLatest(cancellation, today);
            appended.computeIfAbsent(atena, number -> new ArrayList<>()).add(entry);
            if (main == null) {
                main = before.householdNumber();
            }
            touchHouseholdsOf(atena, entry.snapshot());
        }

        private void touchHouseholdsOf(AtenaNumber atena, Resident next) {
            if (!households.containsKey(next.householdNumber())) {
                touch(next.householdNumber());
            }
            List<RegistryStore.StoredEntry> entries = stored.get(atena);
            if (entries != null && !entries.isEmpty()) {
                touch(before(atena).householdNumber());
            }
        }

        void checkExpected(ChangeRequest request) {
            if (request.expectedHouseholdHistory().isPresent() && main != null) {
                Integer read = households.get(main);
                if (read != null && read != 0 && read != request.expectedHouseholdHistory().getAsInt()) {
                    throw RegistryStore.conflict("E-RES-0060", main);
                }
            }
        }

        ChangeReceipt commit(ChangeKind kind, ChangeRequest request, String user) {
            if (appended.isEmpty()) {
                throw refusal("E-RES-0070", "変更する内容");
            }
            // The new state of each touched household: its members after this change, checked before writing.
            Map<HouseholdNumber, List<Resident>> membersAfter = new LinkedHashMap<>();
            for (HouseholdNumber household : households.keySet()) {
                Set<AtenaNumber> numbers = new LinkedHashSet<>(households.get(household) == 0 ? List.of()
                        : store.currentMembers(household));
                numbers.addAll(appended.keySet());
                List<Resident> members = new ArrayList<>();
                for (AtenaNumber atena : numbers) {
                    Resident current = appended.containsKey(atena) ? current(atena) : before(atena);
                    if (current.householdNumber().equals(household) && !current.isRemoved()) {
                        members.add(current);
                    }
                }
                if (!members.isEmpty()) {
                    HouseholdRules.requireExactlyOneHead(household, members);
                }
                membersAfter.put(household, members);
            }
            long changeId = store.insertChange(kind, request.changedOn(), request.notifiedOn(), user, cancelsChangeId, note);
            // Households first: moving each from the 履歴番号 that was read locks it, so a concurrent change of the
            // same household waits here and is then refused, before any of its snapshots is written.
            for (Map.Entry<HouseholdNumber, List<Resident>> household : membersAfter.entrySet()) {
                List<Resident> members = household.getValue();
                Address address = members.isEmpty() ? lastAddressIn(household.getKey()) : members.get(0).address();
                store.appendHousehold(changeId, household.getKey(), households.get(household.getKey()), members, address);
            }
            for (Map.Entry<AtenaNumber, List<HistoryEntry>> entry : appended.entrySet()) {
                int from = previous.get(entry.getKey());
                for (HistoryEntry historyEntry : entry.getValue()) {
                    store.appendResident(changeId, historyEntry, from);
                    from = historyEntry.historyNumber();
                }
                ResidentHistory history = histories.get(entry.getKey());
                store.refreshSearchKeys(history.entries().stream().map(HistoryEntry::snapshot).toList(), history.current());
            }
            return new ChangeReceipt(changeId, kind, List.copyOf(appended.keySet()), List.copyOf(households.keySet()));
        }

        private Address lastAddressIn(HouseholdNumber household) {
            for (AtenaNumber atena : appended.keySet()) {
                for (RegistryStore.StoredEntry entry : stored.getOrDefault(atena, List.of())) {
                    if (entry.snapshot().householdNumber().equals(household)) {
                        return entry.snapshot().address();
                    }
                }
                if (current(atena).householdNumber().equals(household)) {
                    return current(atena).address();
                }
            }
            return before(appended.keySet().iterator().next()).address();
        }
    }

    static String tenantCode() {
        return TenantContext.require().value();
    }
}
