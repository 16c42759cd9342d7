package jp.jichitai.cloud.certificates;

/**
 * A part of a certificate's body: either a block of labelled values (e.g. one block per household
 * member) or a table with columns. Sections flow from page to page; a section that does not fit is
 * continued on the next page, row by row.
 */
public sealed interface BodySection permits FieldBlock, Table {

    /** The heading printed above the section; empty for none. */
    String heading();
}
