//! The deal form as typed, and the checks that turn it into valid deal fields.
//!
//! The same `DealFields::problems` runs in the form (to mark fields as the
//! person types) and in `apply` (so no path can store an invalid deal).

use chrono::NaiveDate;

use crate::core::model::{Deal, Id, Roadmap};
use crate::core::text::money::{self, MoneyError};

/// Longest customer name, deal title or owner name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest segment accepted, in characters.
pub const MAX_TAG_CHARS: usize = 30;

/// Segments trimmed, blank ones dropped, each kept once (ignoring case).
pub fn clean_tags(tags: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut clean: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.trim();
        if !tag.is_empty() && !clean.iter().any(|c| c.to_lowercase() == tag.to_lowercase()) {
            clean.push(tag.to_owned());
        }
    }
    clean
}

/// A field of the deal form, to say where a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DealField {
    /// The customer's name.
    Customer,
    /// The deal's title.
    Title,
    /// The deal's value.
    Value,
    /// The currency code.
    Currency,
    /// The owner's name.
    Owner,
    /// The expected close date.
    ExpectedClose,
    /// The stage the deal is in.
    Stage,
    /// The segments.
    Tags,
    /// The next follow-up date.
    FollowUp,
}

/// What is wrong with one field of the deal form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Empty, but needed.
    Required,
    /// Not a number.
    NotANumber,
    /// Below zero.
    Negative,
    /// More than two decimal places.
    TooManyDecimals,
    /// Above the largest value accepted (`money::MAX_VALUE_MINOR`).
    TooLarge,
    /// Not a date written as YYYY-MM-DD.
    BadDate,
    /// Longer than `MAX_NAME_CHARS`, or `MAX_TAG_CHARS` for a segment.
    TooLong,
    /// Not a code of three upper-case letters.
    BadCurrency,
    /// Not a stage of the deal's roadmap.
    UnknownStage,
}

/// One problem with one field of the deal form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The field at fault.
    pub field: DealField,
    /// What is wrong with it.
    pub problem: Problem,
}

/// A deal's editable fields, already parsed.
#[derive(Clone, Debug, PartialEq)]
pub struct DealFields {
    /// The customer's name, trimmed.
    pub customer: String,
    /// The deal's title, trimmed.
    pub title: String,
    /// The value in minor units (fen, cents).
    pub value_minor: i64,
    /// The currency code (ISO 4217).
    pub currency: String,
    /// The owner's name, trimmed; may be empty.
    pub owner: String,
    /// The expected close date, if given.
    pub expected_close: Option<NaiveDate>,
    /// The stage the deal is to be in.
    pub stage_id: Id,
    /// Customer segments, as `clean_tags` leaves them.
    pub tags: Vec<String>,
    /// The day the seller means to follow up next, if planned.
    pub follow_up: Option<NaiveDate>,
}

/// What the form holds: text exactly as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DealForm {
    /// The customer's name.
    pub customer: String,
    /// The deal's title.
    pub title: String,
    /// The value in major units, as typed ("120,000.50").
    pub value: String,
    /// The currency code.
    pub currency: String,
    /// The owner's name; may be empty.
    pub owner: String,
    /// The expected close date as YYYY-MM-DD; may be empty.
    pub expected_close: String,
    /// The id of the chosen stage.
    pub stage_id: String,
    /// Segments separated by commas (either width).
    pub tags: String,
    /// The next follow-up date as YYYY-MM-DD; may be empty.
    pub follow_up: String,
}

impl DealForm {
    /// An empty form for a new deal in `currency`, starting in `stage`.
    pub fn blank(currency: &str, stage: &Id) -> Self {
        DealForm { currency: currency.to_owned(), stage_id: stage.to_string(), ..Default::default() }
    }

    /// The form filled in from `deal`, to edit it.
    pub fn from_deal(deal: &Deal) -> Self {
        DealForm {
            customer: deal.customer.clone(),
            title: deal.title.clone(),
            value: money::amount_for_input(deal.value_minor),
            currency: deal.currency.clone(),
            owner: deal.owner.clone(),
            expected_close: deal.expected_close.map(|d| d.to_string()).unwrap_or_default(),
            stage_id: deal.stage_id.to_string(),
            tags: deal.tags.join(", "),
            follow_up: deal.follow_up.map(|d| d.to_string()).unwrap_or_default(),
        }
    }

    /// Parses and checks every field, reporting every problem at once.
    pub fn parse(&self, roadmap: &Roadmap) -> Result<DealFields, Vec<FieldError>> {
        let mut errors = Vec::new();
        let value_minor = match money::parse_amount(&self.value) {
            Ok(v) => v,
            Err(e) => {
                let problem = match e {
                    MoneyError::Empty => Problem::Required,
                    MoneyError::NotANumber => Problem::NotANumber,
                    MoneyError::Negative => Problem::Negative,
                    MoneyError::TooManyDecimals => Problem::TooManyDecimals,
                    MoneyError::TooLarge => Problem::TooLarge,
                };
                errors.push(FieldError { field: DealField::Value, problem });
                0
            }
        };
        let mut date = |text: &str, field| match text.trim() {
            "" => None,
            text => match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                Ok(date) => Some(date),
                Err(_) => {
                    errors.push(FieldError { field, problem: Problem::BadDate });
                    None
                }
            },
        };
        let expected_close = date(&self.expected_close, DealField::ExpectedClose);
        let follow_up = date(&self.follow_up, DealField::FollowUp);
        let fields = DealFields {
            customer: self.customer.trim().to_owned(),
            title: self.title.trim().to_owned(),
            value_minor,
            currency: self.currency.trim().to_owned(),
            owner: self.owner.trim().to_owned(),
            expected_close,
            stage_id: Id(self.stage_id.as_str().into()),
            tags: clean_tags(self.tags.split([',', '，']).map(str::to_owned)),
            follow_up,
        };
        errors.extend(fields.problems(roadmap));
        if errors.is_empty() {
            Ok(fields)
        } else {
            Err(errors)
        }
    }
}

impl DealFields {
    /// Everything wrong with these fields on `roadmap`; empty when they can be stored.
    pub fn problems(&self, roadmap: &Roadmap) -> Vec<FieldError> {
        let fields = FieldsRef {
            customer: &self.customer,
            title: &self.title,
            owner: &self.owner,
            value_minor: self.value_minor,
            currency: &self.currency,
            stage_id: &self.stage_id,
            tags: &self.tags,
        };
        fields.problems(roadmap)
    }
}

/// A deal's fields, borrowed: what checking a stored deal needs without copying it
/// (`validate::check` runs over every deal of a file on import and at start-up).
pub struct FieldsRef<'a> {
    /// The customer's name.
    pub customer: &'a str,
    /// The deal's title.
    pub title: &'a str,
    /// Who owns the deal.
    pub owner: &'a str,
    /// The value in minor units.
    pub value_minor: i64,
    /// The ISO 4217 currency code.
    pub currency: &'a str,
    /// The stage the deal is in.
    pub stage_id: &'a Id,
    /// The deal's tags.
    pub tags: &'a [String],
}

impl FieldsRef<'_> {
    /// Every problem with these fields, in form order, as [`DealFields::problems`] finds them.
    pub fn problems(&self, roadmap: &Roadmap) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut flag = |field, problem| errors.push(FieldError { field, problem });
        for (field, text) in [(DealField::Customer, self.customer), (DealField::Title, self.title)] {
            if text.trim().is_empty() {
                flag(field, Problem::Required);
            } else if text.chars().count() > MAX_NAME_CHARS {
                flag(field, Problem::TooLong);
            }
        }
        if self.owner.chars().count() > MAX_NAME_CHARS {
            flag(DealField::Owner, Problem::TooLong);
        }
        if self.value_minor < 0 {
            flag(DealField::Value, Problem::Negative);
        } else if self.value_minor > money::MAX_VALUE_MINOR {
            flag(DealField::Value, Problem::TooLarge);
        }
        if !money::is_valid_currency(self.currency) {
            flag(DealField::Currency, Problem::BadCurrency);
        }
        if roadmap.stage(self.stage_id).is_none() {
            flag(DealField::Stage, Problem::UnknownStage);
        }
        if self.tags.iter().any(|t| t.chars().count() > MAX_TAG_CHARS) {
            flag(DealField::Tags, Problem::TooLong);
        }
        errors
    }
}
