package jp.jichitai.cloud.residents;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jp.jichitai.cloud.residents.internal.RelationshipSuggestions;
import jp.jichitai.cloud.residents.internal.ResidentMessages;

/**
 * 続柄 (relationship to the head of household), in the grammar of the 住民基本台帳事務処理要領:
 * 世帯主; a chain of one to four {@link Link links} joined by の, read from the 世帯主 (子の妻 is the wife of
 * the head's child); 縁故者 (a relative or dependant whose link is not written out); 同居人 (not a relative).
 *
 * <p>Decisions: a chain of five or more links is recorded as 縁故者, as the standard says, and the chain that
 * was given is kept in {@link #foldedFrom()} so that the history shows what the clerk entered. Terms the
 * standard does not use (孫, 長男, 祖父 ...) are refused with the standard form to write instead, from
 * {@code residents/relationship-suggestions.tsv}. Half-width parentheses ({@code 妻(未届)}) are refused with
 * the full-width form: we do not silently change what is entered into the registry.
 */
public final class Relationship {

    /** One link of a chain. */
    public enum Link {
        HUSBAND("夫"),
        WIFE("妻"),
        /** 夫（未届）: a husband in a marriage not notified (内縁). */
        UNREGISTERED_HUSBAND("夫（未届）"),
        /** 妻（未届）: a wife in a marriage not notified (内縁). */
        UNREGISTERED_WIFE("妻（未届）"),
        CHILD("子"),
        FATHER("父"),
        MOTHER("母"),
        ELDER_BROTHER("兄"),
        ELDER_SISTER("姉"),
        YOUNGER_BROTHER("弟"),
        YOUNGER_SISTER("妹");

        private final String text;

        Link(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        static Optional<Link> of(String text) {
            for (Link link : values()) {
                if (link.text.equals(text)) {
                    return Optional.of(link);
                }
            }
            return Optional.empty();
        }
    }

    /** Chains longer than this become 縁故者. */
    public static final int MAXIMUM_LINKS = 4;

    private static final String HEAD_TEXT = "世帯主";
    private static final String CONNECTED_PERSON_TEXT = "縁故者";
    private static final String COHABITANT_TEXT = "同居人";

    /** 世帯主 (head of household). */
    public static final Relationship HOUSEHOLD_HEAD = new Relationship(HEAD_TEXT, List.of(), null);
    /** 縁故者 (connected person): a relative or dependant whose relationship is not written as a chain. */
    public static final Relationship CONNECTED_PERSON = new Relationship(CONNECTED_PERSON_TEXT, List.of(), null);
    /** 同居人 (cohabitant): lives in the household without being a relative. */
    public static final Relationship COHABITANT = new Relationship(COHABITANT_TEXT, List.of(), null);

    private final String text;
    private final List<Link> links;
    private final String foldedFrom;

    private Relationship(String text, List<Link> links, String foldedFrom) {
        this.text = text;
        this.links = List.copyOf(links);
        this.foldedFrom = foldedFrom;
    }

    /** A chain such as 子の妻 from its links, head side first. */
    public static Relationship chain(List<Link> links) {
        if (links.isEmpty()) {
            throw new IllegalArgumentException("a chain needs at least one link");
        }
        String text = String.join("の", links.stream().map(Link::text).toList());
        return links.size() > MAXIMUM_LINKS ? new Relationship(CONNECTED_PERSON_TEXT, List.of(), text)
                : new Relationship(text, links, null);
    }

    /** Reads a 続柄 as written, refusing what the standard does not allow (see the class comment). */
    public static Relationship parse(String written) {
        String text = written == null ? "" : written.strip();
        if (text.isEmpty()) {
            throw ResidentMessages.refusal("E-RES-0020");
        }
        if (text.contains("(") || text.contains(")")) {
            throw ResidentMessages.refusal("E-RES-0022", text, text.replace('(', '（').replace(')', '）'));
        }
        switch (text) {
            case HEAD_TEXT:
                return HOUSEHOLD_HEAD;
            case CONNECTED_PERSON_TEXT:
                return CONNECTED_PERSON;
            case COHABITANT_TEXT:
                return COHABITANT;
            default:
                break;
        }
        Optional<String> wholeSuggestion = RelationshipSuggestions.standardFormOf(text);
        if (wholeSuggestion.isPresent()) {
            throw ResidentMessages.refusal("E-RES-0021", text, wholeSuggestion.get());
        }
        String[] pieces = text.split("の", -1);
        List<Link> links = new java.util.ArrayList<>();
        boolean suggestionFound = false;
        StringBuilder suggestion = new StringBuilder();
        for (String piece : pieces) {
            Optional<Link> link = Link.of(piece);
            Optional<String> standardForm = RelationshipSuggestions.standardFormOf(piece);
            if (suggestion.length() > 0) {
                suggestion.append('の');
            }
            if (link.isPresent()) {
                links.add(link.get());
                suggestion.append(piece);
            } else if (standardForm.isPresent() && (pieces.length == 1 || !standardForm.get().contains(" "))) {
                suggestionFound = true;
                suggestion.append(standardForm.get());
            } else {
                throw ResidentMessages.refusal("E-RES-0023", text);
            }
        }
        if (suggestionFound) {
            throw ResidentMessages.refusal("E-RES-0021", text, suggestion);
        }
        return chain(links);
    }

    public boolean isHouseholdHead() {
        return this == HOUSEHOLD_HEAD || text.equals(HEAD_TEXT);
    }

    /** The links of a chain, head side first; empty for 世帯主, 縁故者 and 同居人. */
    public List<Link> links() {
        return links;
    }

    /** The chain that was entered, when it was longer than four links and recorded as 縁故者. */
    public Optional<String> foldedFrom() {
        return Optional.ofNullable(foldedFrom);
    }

    /** The 続柄 as printed on the 住民票. */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Relationship relationship && relationship.text.equals(text)
                && Objects.equals(relationship.foldedFrom, foldedFrom);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, foldedFrom);
    }

    @Override
    public String toString() {
        return text;
    }
}
