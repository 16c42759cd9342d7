package jp.jichitai.cloud.continuity;

import java.util.List;
import java.util.Optional;

/** The current tenant's 利用継続計画: its versions, and how its targets compare with the measured drills. */
public interface ContinuityPlans {

    /** The latest saved version, or the template when none is saved yet. */
    ContinuityPlan current();

    Optional<ContinuityPlan> version(int version);

    /** Appends a version (never overwrites one) and returns it. */
    ContinuityPlan save(ContinuityPlan edited, String savedBy);

    /** Every saved version, newest first, without their texts. */
    List<ContinuityPlan> history();

    /** The drills the current tenant may see: the cluster's failovers and its own restores, newest first. */
    List<DrillResult> drills(int limit);

    /** Each important system of a plan against the latest drills. */
    List<RecoveryAssessment> assess(ContinuityPlan plan);
}
