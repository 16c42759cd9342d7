package jp.jichitai.cloud.fitgap;

/**
 * 出典 (provenance) of a template's wording: the source document, or the project's own wording where
 * the source text could not be obtained, to be replaced when the official text is.
 */
public enum Provenance {
    SOURCE_DOCUMENT,
    PROJECT
}
