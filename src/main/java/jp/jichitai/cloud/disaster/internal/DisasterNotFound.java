package jp.jichitai.cloud.disaster.internal;

/**
 * A disaster, case, report or certificate that does not exist in the current town. Answered as 404 with the
 * platform's one "not found" body, the same whether the id is another town's or nobody's.
 */
class DisasterNotFound extends RuntimeException {

    DisasterNotFound(String what) {
        super(what, null, false, false);
    }
}
