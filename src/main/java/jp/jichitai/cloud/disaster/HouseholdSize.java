package jp.jichitai.cloud.disaster;

/** 世帯人数 (number of members of a household). A one-person household (単数世帯) gets 3/4 of each amount. */
public record HouseholdSize(int members) {

    public static final HouseholdSize ONE_PERSON = new HouseholdSize(1);

    public HouseholdSize {
        if (members < 1) {
            throw DisasterMessages.refusal("E-DIS-0003", members);
        }
    }

    public static HouseholdSize of(int members) {
        return new HouseholdSize(members);
    }

    public boolean isOnePerson() {
        return members == 1;
    }
}
