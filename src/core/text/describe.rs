//! Turns the core's typed errors into sentences in the UI language.

use crate::core::command::CommandError;
use crate::core::deal::form::{Problem, MAX_NAME_CHARS};
use crate::core::files::envelope::{ImportError, RecordKind, MAX_IMPORT_BYTES};
use crate::core::model::{Id, Workspace};
use crate::core::text::i18n::{tr, trf, Lang, Msg};
use crate::core::validate::IntegrityError;

/// The sentence shown under a deal-form field for `problem`, in `lang`.
pub fn field_problem(lang: Lang, problem: Problem) -> String {
    let msg = match problem {
        Problem::Required => Msg::ErrRequired,
        Problem::NotANumber => Msg::ErrNotANumber,
        Problem::Negative => Msg::ErrNegative,
        Problem::TooManyDecimals => Msg::ErrTooManyDecimals,
        Problem::TooLarge => Msg::ErrTooLarge,
        Problem::BadDate => Msg::ErrBadDate,
        Problem::TooLong => return trf(lang, Msg::ErrTooLong, &[&MAX_NAME_CHARS.to_string()]),
        Problem::BadCurrency => Msg::ErrBadCurrency,
        Problem::UnknownStage => Msg::ErrUnknownStage,
    };
    tr(lang, msg).to_owned()
}

/// Why a file (or the stored copy) could not be read, without the "Import failed" frame.
pub fn import_error(lang: Lang, error: &ImportError) -> String {
    match error {
        ImportError::Empty => tr(lang, Msg::ImportEmpty).to_owned(),
        ImportError::NotJson { line, column } => trf(lang, Msg::ImportNotJson, &[&line.to_string(), &column.to_string()]),
        ImportError::NotWaypoint => tr(lang, Msg::ImportNotWaypoint).to_owned(),
        ImportError::NewerVersion { found, supported } => trf(lang, Msg::ImportNewerVersion, &[&found.to_string(), &supported.to_string()]),
        ImportError::BadVersion => tr(lang, Msg::ImportBadVersion).to_owned(),
        ImportError::Malformed { path, detail } => trf(lang, Msg::ImportMalformed, &[path, &parser_detail(lang, detail)]),
        ImportError::Broken(integrity) => integrity_error(lang, integrity),
        ImportError::TooDeep => tr(lang, Msg::ImportTooDeep).to_owned(),
        ImportError::TooMany { what, found, limit } => {
            let kind = match what {
                RecordKind::Roadmaps => Msg::KindRoadmaps,
                RecordKind::Stages => Msg::KindStages,
                RecordKind::Milestones => Msg::KindMilestones,
                RecordKind::Deals => Msg::KindDeals,
                RecordKind::Entries => Msg::KindEntries,
                RecordKind::Goals => Msg::KindGoals,
                RecordKind::Deletions => Msg::KindDeletions,
            };
            trf(lang, Msg::ImportTooMany, &[tr(lang, kind), &found.to_string(), &limit.to_string()])
        }
        ImportError::TextTooLong { path, limit } => trf(lang, Msg::ImportTextTooLong, &[path, &limit.to_string()]),
        ImportError::Damaged => tr(lang, Msg::StoredCopyDamaged).to_owned(),
    }
}

/// The JSON reader's English account of a wrong value ("invalid type: string \"三十五万\",
/// expected i64") in the person's words ("应为整数，实际是文本“三十五万”"). What it does not
/// recognise becomes a plain "not the right kind of value": its English never shows.
pub fn parser_detail(lang: Lang, detail: &str) -> String {
    let zh = lang == Lang::Zh;
    let ticked = |text: &str| text.split('`').nth(1).unwrap_or_default().to_owned();
    if let Some(rest) = detail.strip_prefix("invalid type: ").or_else(|| detail.strip_prefix("invalid value: ")) {
        let (actual, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let expected = kind_name(zh, expected);
        let actual = value_name(zh, actual);
        return if zh { format!("应为{expected}，实际是{actual}") } else { format!("expected {expected}, found {actual}") };
    }
    if detail.starts_with("missing field") {
        let field = ticked(detail);
        return if zh { format!("缺少字段“{field}”") } else { format!("the field “{field}” is missing") };
    }
    if detail.starts_with("unknown variant") {
        let found = ticked(detail);
        let allowed: Vec<&str> =
            detail.split("expected one of ").nth(1).unwrap_or_default().split(", ").map(|v| v.trim_matches('`')).collect();
        return if zh {
            format!("“{found}”不是可用的值（可用的有：{}）", allowed.join("、"))
        } else {
            format!("“{found}” is not one of the allowed values ({})", allowed.join(", "))
        };
    }
    if detail.starts_with("duplicate field") {
        let field = ticked(detail);
        return if zh { format!("字段“{field}”出现了两次") } else { format!("the field “{field}” appears twice") };
    }
    if detail.starts_with("invalid length") {
        return (if zh { "列表的长度不对" } else { "the list has the wrong length" }).to_owned();
    }
    // The day reader (`core::ymd`): a date that is not YYYY-MM-DD.
    if detail.starts_with(crate::core::ymd::NOT_A_DAY) {
        return (if zh { "日期应写成 YYYY-MM-DD，例如 2027-01-20" } else { "a date is written YYYY-MM-DD, such as 2027-01-20" }).to_owned();
    }
    (if zh { "不是这里需要的那种数据" } else { "not the kind of value needed here" }).to_owned()
}

/// What the reader expected ("i64", "a string", "struct Deal") in plain words.
fn kind_name(zh: bool, expected: &str) -> String {
    let e = expected.trim();
    let (cn, en) = match e {
        "i64" | "i32" | "i16" | "i8" | "u64" | "u32" | "u16" | "u8" | "usize" | "isize" | "an integer" => ("整数", "a whole number"),
        "f64" | "f32" | "a number" => ("数字", "a number"),
        "a string" | "String" | "a borrowed string" | "a character" => ("文本", "text"),
        "a boolean" | "bool" => ("true 或 false", "true or false"),
        "a sequence" | "a list" => ("列表", "a list"),
        _ if e.contains("date") || e.contains("Date") => ("日期（YYYY-MM-DD）", "a date (YYYY-MM-DD)"),
        _ if e.starts_with("struct") || e.contains("map") => ("一组字段（{…}）", "a group of fields ({…})"),
        _ if e.starts_with("variant") || e.starts_with("enum") || e.starts_with("one of") => ("可用的值之一", "one of the allowed values"),
        _ => ("正确类型的数据", "a value of the right kind"),
    };
    (if zh { cn } else { en }).to_owned()
}

/// What the file held instead ("string \"三十五万\"", "integer `5`", "null") in plain words.
fn value_name(zh: bool, actual: &str) -> String {
    let a = actual.trim();
    let quoted = |prefix: &str| a.strip_prefix(prefix).map(|v| v.trim().trim_matches('"').trim_matches('`').to_owned());
    if let Some(text) = quoted("string ") {
        return if zh { format!("文本“{text}”") } else { format!("the text “{text}”") };
    }
    for (prefix, cn, en) in [("integer ", "整数", "the number"), ("floating point ", "小数", "the number"), ("boolean ", "", "")] {
        if let Some(v) = quoted(prefix) {
            return if zh { format!("{cn} {v}").trim().to_owned() } else { format!("{en} {v}").trim().to_owned() };
        }
    }
    let (cn, en) = match a {
        "null" => ("空值（null）", "nothing (null)"),
        "map" => ("一组字段（{…}）", "a group of fields ({…})"),
        "sequence" => ("列表（[…]）", "a list ([…])"),
        "unit value" => ("空值", "an empty value"),
        _ => ("其他数据", "something else"),
    };
    (if zh { cn } else { en }).to_owned()
}

/// Why a share link does not open, or cannot be made.
pub fn link_error(lang: Lang, error: &crate::core::files::share::LinkError) -> String {
    use crate::core::files::share::LinkError;
    match error {
        LinkError::TooLarge { chars, limit } => {
            let (chars, limit) =
                (crate::core::text::money::group_digits(*chars as u64), crate::core::text::money::group_digits(*limit as u64));
            trf(lang, Msg::ShareTooLarge, &[&chars, &limit])
        }
        LinkError::UnknownScenario(key) => trf(lang, Msg::ShareUnknownScenario, &[key]),
        LinkError::Damaged => tr(lang, Msg::ShareDamaged).to_owned(),
        LinkError::Invalid(error) => import_error(lang, error),
        LinkError::Newer => tr(lang, Msg::LinkNewer).to_owned(),
    }
}

/// Why a file of `bytes` bytes was refused for import, with its size and the limit in MB, in `lang`.
pub fn file_too_large(lang: Lang, bytes: u64) -> String {
    let mb = |b: u64| format!("{:.1}", b as f64 / (1024.0 * 1024.0));
    trf(lang, Msg::ImportTooLarge, &[&mb(bytes), &(MAX_IMPORT_BYTES / (1024 * 1024)).to_string()])
}

/// A sentence in `lang` for a broken rule of the document, naming by id the records involved, if any.
pub fn integrity_error(lang: Lang, error: &IntegrityError) -> String {
    use IntegrityError as E;
    match error {
        E::DuplicateId(id) => trf(lang, Msg::BrokenDuplicateId, &[id.as_str()]),
        E::NoRoadmap => tr(lang, Msg::BrokenNoRoadmap).to_owned(),
        E::EmptyRoadmap(id) => trf(lang, Msg::BrokenEmptyRoadmap, &[id.as_str()]),
        E::DealRoadmapMissing { deal, roadmap } => trf(lang, Msg::BrokenDealRoadmap, &[deal.as_str(), roadmap.as_str()]),
        E::DealStageMissing { deal, stage } => trf(lang, Msg::BrokenDealStage, &[deal.as_str(), stage.as_str()]),
        E::HistoryMismatch { deal } => trf(lang, Msg::BrokenHistory, &[deal.as_str()]),
        E::MilestoneMissing { deal, milestone } => trf(lang, Msg::BrokenMilestone, &[deal.as_str(), milestone.as_str()]),
        E::ProbabilityOutOfRange { stage, value } => trf(lang, Msg::BrokenProbability, &[stage.as_str(), &value.to_string()]),
        E::DealField { deal, error } => trf(lang, Msg::BrokenDealField, &[deal.as_str(), &field_problem(lang, error.problem)]),
        E::GoalRoadmapMissing { goal, roadmap } => trf(lang, Msg::BrokenGoalRoadmap, &[goal.as_str(), roadmap.as_str()]),
        E::GoalPeriodReversed { goal } => trf(lang, Msg::BrokenGoalPeriod, &[goal.as_str()]),
        E::LostReasonMissing { deal, reason } => trf(lang, Msg::BrokenLostReason, &[deal.as_str(), reason.as_str()]),
        E::FeedbackInvalid { deal } => trf(lang, Msg::BrokenFeedback, &[deal.as_str()]),
    }
}

/// What a refused command means, in words; `ws` names the records it refers to.
pub fn command_error(lang: Lang, error: &CommandError, ws: &Workspace) -> String {
    match error {
        CommandError::Invalid(_) => tr(lang, Msg::FixErrors).to_owned(),
        CommandError::UnknownDeal(_) => tr(lang, Msg::ErrUnknownDeal).to_owned(),
        CommandError::UnknownRoadmap(_) => tr(lang, Msg::ErrUnknownRoadmap).to_owned(),
        CommandError::UnknownStage(_) => tr(lang, Msg::ErrUnknownStage).to_owned(),
        CommandError::UnknownMilestone(_) => tr(lang, Msg::ErrUnknownMilestone).to_owned(),
        CommandError::BrokenWorkspace(e) => integrity_error(lang, e),
        CommandError::NameRequired => tr(lang, Msg::ErrNameRequired).to_owned(),
        CommandError::ProbabilityOutOfRange(p) => trf(lang, Msg::ErrProbability, &[&p.to_string()]),
        CommandError::DaysOutOfRange(d) => trf(lang, Msg::ErrDays, &[&d.to_string()]),
        CommandError::LastStage => tr(lang, Msg::ErrLastStage).to_owned(),
        CommandError::StageHasDeals(n) => trf(lang, Msg::ErrStageHasDeals, &[&n.to_string()]),
        CommandError::LastRoadmap => tr(lang, Msg::ErrLastRoadmap).to_owned(),
        CommandError::RoadmapHasDeals(n) => trf(lang, Msg::ErrRoadmapHasDeals, &[&n.to_string()]),
        CommandError::ReasonRequired => tr(lang, Msg::ErrReasonRequired).to_owned(),
        CommandError::UnknownReason(_) => tr(lang, Msg::ErrUnknownReason).to_owned(),
        CommandError::ReasonInUse(n) => trf(lang, Msg::ErrReasonInUse, &[&n.to_string()]),
        CommandError::SatisfactionOutOfRange(n) => trf(lang, Msg::ErrSatisfaction, &[&n.to_string()]),
        CommandError::UnknownEntry(_) => tr(lang, Msg::ErrUnknownEntry).to_owned(),
        CommandError::TextTooLong(n) => trf(lang, Msg::ErrTooLong, &[&n.to_string()]),
        CommandError::NegativeTarget => tr(lang, Msg::ErrNegativeTarget).to_owned(),
        CommandError::PeriodReversed => tr(lang, Msg::ErrPeriodReversed).to_owned(),
        CommandError::UnknownGoal(_) => tr(lang, Msg::ErrUnknownGoal).to_owned(),
        CommandError::MemberExists(name) => trf(lang, Msg::ErrMemberExists, &[name]),
        CommandError::UnknownMember(name) => trf(lang, Msg::ErrUnknownMember, &[name]),
        CommandError::UnknownTask(_) => tr(lang, Msg::ErrUnknownTask).to_owned(),
        CommandError::UnknownProposal(_) => tr(lang, Msg::ErrUnknownProposal).to_owned(),
        CommandError::ReplyRefused(e) => reply_error(lang, e),
        CommandError::GateUnmet { stage, missing, can_confirm } => {
            let msg = if *can_confirm { Msg::GateConfirm } else { Msg::GateRefused };
            let (stage_name, names) = gate_names(lang, ws, stage, missing);
            trf(lang, msg, &[&stage_name, &names])
        }
    }
}

/// Why a customer's reply cannot be merged, in `lang`.
pub fn reply_error(lang: Lang, error: &crate::core::deal::reply::ReplyError) -> String {
    use crate::core::deal::reply::ReplyError;
    match error {
        ReplyError::DealGone => tr(lang, Msg::ReplyDealGone).to_owned(),
        ReplyError::AlreadyMerged => tr(lang, Msg::ReplyAlreadyMerged).to_owned(),
        ReplyError::BadScore(n) => trf(lang, Msg::ReplyBadScore, &[&n.to_string()]),
        ReplyError::TooLong => tr(lang, Msg::ReplyTooLong).to_owned(),
        ReplyError::Repeated => tr(lang, Msg::ReplyRepeated).to_owned(),
    }
}

/// The gated stage's name and its open required milestones as one list.
fn gate_names(lang: Lang, ws: &Workspace, stage: &Id, missing: &[Id]) -> (String, String) {
    let found = ws.roadmaps.iter().find_map(|r| r.stage(stage));
    let stage_name = found.map(|s| s.name.get(lang).to_owned()).unwrap_or_else(|| stage.to_string());
    let names: Vec<String> = missing
        .iter()
        .map(|id| {
            found
                .and_then(|s| s.milestones.iter().find(|m| &m.id == id))
                .map(|m| m.title.get(lang).to_owned())
                .unwrap_or_else(|| id.to_string())
        })
        .collect();
    (stage_name, names.join(tr(lang, Msg::ListSeparator)))
}

/// One teammate's part in a merge, e.g. "李娜：更新 3 条，删除 1 条"; only what they did is named.
pub fn person_changes(lang: Lang, person: &crate::core::files::merge::PersonChanges) -> String {
    let parts: Vec<String> =
        [(person.added, Msg::MergePersonAdded), (person.updated, Msg::MergePersonUpdated), (person.deleted, Msg::MergePersonDeleted)]
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, msg)| trf(lang, msg, &[&n.to_string()]))
            .collect();
    let separator = match lang {
        Lang::Zh => "，",
        Lang::En => ", ",
    };
    trf(lang, Msg::MergeByPerson, &[&person.name, &parts.join(separator)])
}
