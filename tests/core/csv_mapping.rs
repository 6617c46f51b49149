//! CSV column mapping: the header and preview read without importing, doubtful headers, and imports
//! with each column read as chosen.

use crate::fixture;
use waymark::io::{
    CsvChoice, CsvField, CsvMapping, PREVIEW_ROWS, csv_columns, import_csv, import_csv_mapped,
};
use waymark::model::{Task, TaskId};

fn field<'a>(task: &'a Task, name: &str) -> Option<&'a str> {
    task.fields
        .iter()
        .find(|f| f.name == name)
        .map(|f| f.value.as_str())
}

const CREW: &str = "# Crew list\nRef,What,Lead,Helper,Budget\n\
R1,Dig beds,Ana,Sam,40\nR2,Lay pipe,Sam,Ana,25\nR3,Plant,Ana,,10\n";

#[test]
fn the_header_and_first_rows_are_read_without_importing() {
    let columns = csv_columns(CREW).expect("columns");
    assert_eq!(columns.headers, ["Ref", "What", "Lead", "Helper", "Budget"]);
    assert_eq!(columns.preview.len(), 3);
    assert_eq!(columns.preview[1], ["R2", "Lay pipe", "Sam", "Ana", "25"]);
    assert_eq!(columns.guesses, [None, None, None, None, None]);
    assert!(columns.is_ambiguous(), "no title column");
    assert_eq!(
        columns.signature(),
        "ref\u{1f}what\u{1f}lead\u{1f}helper\u{1f}budget"
    );
    let long: String = std::iter::once("id,task\n".to_owned())
        .chain((0..20).map(|i| format!("T{i},Task {i}\n")))
        .collect();
    assert_eq!(
        csv_columns(&long).expect("long").preview.len(),
        PREVIEW_ROWS
    );
}

#[test]
fn doubtful_headers_are_ambiguous_and_clear_ones_are_not() {
    let clear = csv_columns("id,task,owner,status\nA,One,Ana,done\n").expect("clear");
    assert!(!clear.is_ambiguous());
    assert_eq!(
        clear.guesses,
        [
            Some(CsvField::Id),
            Some(CsvField::Title),
            Some(CsvField::Owner),
            Some(CsvField::Status)
        ]
    );
    let two_owners = csv_columns("id,task,owner,assignee\nA,One,Ana,Sam\n").expect("owners");
    assert!(two_owners.is_ambiguous(), "two owner columns");
    let mostly_unknown = csv_columns("task,colour,size,weight\nOne,red,2,3\n").expect("unknown");
    assert!(mostly_unknown.is_ambiguous(), "three of four unrecognised");
    let repeats = csv_columns("id,task,tags,tags\nA,One,x,y\n").expect("tags");
    assert!(!repeats.is_ambiguous(), "tags may repeat");
    for name in [
        "csv_garden.csv",
        "csv_workshop.csv",
        "csv_jira_export.csv",
        "csv_linear_export.csv",
        "csv_trello_export.csv",
    ] {
        let columns = csv_columns(&fixture(name)).expect(name);
        assert!(!columns.is_ambiguous(), "{name}: {:?}", columns.headers);
    }
}

#[test]
fn the_default_mapping_imports_exactly_like_a_plain_import() {
    for name in [
        "csv_garden.csv",
        "csv_workshop.csv",
        "csv_jira_export.csv",
        "csv_asana_export.csv",
        "csv_github_export.csv",
        "csv_linear_export.csv",
        "csv_trello_export.csv",
        "csv_preamble_outline.csv",
    ] {
        let text = fixture(name);
        let mapping = csv_columns(&text).expect(name).default_mapping();
        assert_eq!(
            import_csv_mapped(&text, &mapping).expect(name),
            import_csv(&text).expect(name),
            "{name}"
        );
    }
}

#[test]
fn chosen_fields_change_the_imported_plan() {
    let columns = csv_columns(CREW).expect("columns");
    assert!(import_csv(CREW).is_err(), "no title: a plain import fails");
    let mut mapping = columns.default_mapping();
    assert_eq!(mapping.choices, [CsvChoice::Keep; 5]);
    mapping.choices[0] = CsvChoice::Field(CsvField::Id);
    mapping.choices[1] = CsvChoice::Field(CsvField::Title);
    mapping.choices[2] = CsvChoice::Field(CsvField::Owner);
    mapping.choices[4] = CsvChoice::Ignore;
    let plan = import_csv_mapped(CREW, &mapping).expect("mapped").plan;
    assert_eq!(plan.tasks.len(), 3);
    let first = plan.task(&TaskId::from("R1")).expect("R1");
    assert_eq!(first.title, "Dig beds");
    assert_eq!(first.owner, "Ana");
    assert_eq!(field(first, "Helper"), Some("Sam"), "kept as a field");
    assert_eq!(field(first, "Budget"), None, "ignored");
    assert_eq!(plan.meta.title, "Crew list", "the preamble is still read");

    mapping.choices[2] = CsvChoice::Keep;
    mapping.choices[3] = CsvChoice::Field(CsvField::Owner);
    let plan = import_csv_mapped(CREW, &CsvMapping { ..mapping })
        .expect("helper")
        .plan;
    let second = plan.task(&TaskId::from("R2")).expect("R2");
    assert_eq!(second.owner, "Ana", "owner from the Helper column");
    assert_eq!(field(second, "Lead"), Some("Sam"));
}

#[test]
fn every_field_has_a_distinct_label() {
    let labels: std::collections::HashSet<&str> = CsvChoice::all().map(CsvChoice::label).collect();
    assert_eq!(labels.len(), CsvField::ALL.len() + 2);
    assert_eq!(CsvField::Dependencies.label(), "Depends on");
    assert_eq!(CsvField::Hours.label(), "Estimate (hours)");
}
