//! Every sentence the UI shows, in Chinese and English.
//!
//! The `catalog!` macro takes each entry as `Name => "中文", "English";` so an
//! entry without both languages does not compile, and `Msg::ALL` lets a test
//! check that no text is blank and both sides use the same placeholders.

pub use waypoint_model::text::Lang;

macro_rules! catalog {
    ($($name:ident => $zh:literal, $en:literal;)*) => {
        /// A UI text. Texts with `{0}`, `{1}` … take arguments through [`trf`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $(#[doc = concat!("“", $en, "”")] $name),* }

        /// Each language's texts one after another, and where each text ends in them: two
        /// short tables instead of a (pointer, length) pair per text and language, which the
        /// main wasm (fetched before a first visit's board) carried as ~9 KB that hardly
        /// compress; the texts of one language side by side also compress better.
        const ZH_TEXTS: &str = concat!($($zh),*);
        const EN_TEXTS: &str = concat!($($en),*);
        const ZH_ENDS: &[u16] = &text_ends([$($zh.len()),*]);
        const EN_ENDS: &[u16] = &text_ends([$($en.len()),*]);

        impl Msg {
            /// Every text, in catalog order, so a test can check each one.
            pub const ALL: &'static [Msg] = &[$(Msg::$name),*];

            fn pair(self) -> (&'static str, &'static str) {
                let index = self as usize;
                (nth_text(ZH_TEXTS, ZH_ENDS, index), nth_text(EN_TEXTS, EN_ENDS, index))
            }
        }
    };
}

/// Where each text ends in its language's texts put one after another. A catalog that outgrows
/// 64 KB in one language stops the build here (then the ends need `u32`).
const fn text_ends<const N: usize>(lengths: [usize; N]) -> [u16; N] {
    let mut ends = [0u16; N];
    let mut end = 0usize;
    let mut i = 0;
    while i < N {
        end += lengths[i];
        assert!(end <= u16::MAX as usize, "the catalog's texts in one language outgrew 64 KB");
        ends[i] = end as u16;
        i += 1;
    }
    ends
}

/// The `index`th text of `texts`, given where each ends.
fn nth_text(texts: &'static str, ends: &[u16], index: usize) -> &'static str {
    let start = if index == 0 { 0 } else { usize::from(ends[index - 1]) };
    // Every end is where one literal met the next, so always on a character boundary.
    texts.get(start..usize::from(ends[index])).unwrap_or_default()
}

catalog! {
    AppName => "Waypoint 销售路线图", "Waypoint Sales Roadmap";
    AppTagline => "从潜在客户到售后服务，每一步都看得见", "Every step from prospect to after-sales, in view";
    SwitchLanguage => "English", "中文";
    SwitchLanguageLabel => "切换到英文界面", "Switch to Chinese";
    NewDeal => "新建商机", "New deal";
    EditDeal => "编辑商机", "Edit deal";
    Export => "导出 JSON", "Export JSON";
    ExportLabel => "把全部数据导出为 JSON 文件", "Download all data as a JSON file";
    Import => "导入 JSON", "Import JSON";
    ImportLabel => "从 JSON 文件导入，替换当前数据", "Import a JSON file, replacing the current data";
    RemoveSamples => "清除示例商机", "Remove samples";
    RemoveSamplesConfirm => "删除全部示例商机和示例目标？你自己创建的商机和目标不受影响。", "Delete all sample deals and the sample goal? Deals and goals you created stay.";
    LoadingPart => "正在加载…", "Loading…";
    Dismiss => "关闭", "Dismiss";
    Pipeline => "销售管道", "Pipeline";
    RoadmapLabel => "路线图：{0}", "Roadmap: {0}";
    ColumnCountOne => "1 个商机", "1 deal";
    ColumnCount => "{0} 个商机", "{0} deals";
    ColumnEmpty => "暂无商机，可把卡片拖到这里", "No deals yet; drag a card here";
    OpenMilestonesOne => "1 个待完成里程碑", "1 open milestone";
    OpenMilestones => "{0} 个待完成里程碑", "{0} open milestones";
    AllMilestonesDone => "本阶段里程碑已全部完成", "All milestones of this stage done";
    SampleBadge => "示例", "Sample";
    KeyNode => "关键节点", "Key node";
    WinProbability => "赢单概率 {0}%", "Win probability {0}%";
    MoveBack => "移回上一阶段：{0}", "Move back to {0}";
    MoveForward => "推进到下一阶段：{0}", "Move forward to {0}";
    MovedTo => "“{0}”已移到“{1}”", "“{0}” moved to “{1}”";
    DealSaved => "商机“{0}”已保存", "Deal “{0}” saved";
    DealDeleted => "商机“{0}”已删除", "Deal “{0}” deleted";
    SamplesRemoved => "示例商机已清除", "Sample deals removed";
    NoOwner => "未指定负责人", "No owner";
    NoCloseDate => "未定成交日期", "No close date";
    ExpectedCloseShort => "预计 {0} 成交", "Closes {0}";
    FieldCustomer => "客户名称", "Customer";
    FieldTitle => "商机名称", "Deal title";
    FieldValue => "金额", "Value";
    FieldCurrency => "币种", "Currency";
    FieldOwner => "负责人", "Owner";
    FieldExpectedClose => "预计成交日期", "Expected close date";
    FieldFollowUp => "下次跟进", "Next follow-up";
    CustomerSide => "客户方", "Customer";
    FollowUpToday => "今天跟进", "Follow up today";
    FollowUpSet => "跟进", "Follow up";
    FollowUpPick => "下次跟进日期", "Next follow-up date";
    FollowUpLate => "跟进已逾期 {0} 天", "Follow-up {0} days late";
    FieldStage => "所处阶段", "Stage";
    FieldTags => "客户细分（用逗号分隔）", "Segments (comma separated)";
    PlaceholderTags => "例如：制造业, 大客户", "e.g. Manufacturing, Key account";
    OutcomeTitle => "结果", "Outcome";
    MarkWon => "标记为赢单", "Mark as won";
    MarkLost => "标记为丢单", "Mark as lost";
    Reopen => "重新打开", "Reopen";
    LostReason => "丢单原因", "Reason lost";
    CloseNote => "备注", "Note";
    ConfirmLost => "确认丢单", "Confirm lost";
    DealWonNotice => "恭喜！“{0}”已赢单", "Congratulations: “{0}” is won";
    DealLostNotice => "“{0}”已标记为丢单", "“{0}” marked as lost";
    DealReopenedNotice => "“{0}”已重新打开", "“{0}” reopened";
    StatusSince => "{0}（{1}）", "{0} ({1})";
    ActivitiesTitle => "活动记录", "Activity log";
    ActivityKindLabel => "类型", "Type";
    ActivityDate => "日期", "Date";
    ActivityWho => "谁", "Who";
    ActivityNotes => "内容", "Notes";
    AddActivity => "记录活动", "Log activity";
    NoActivities => "还没有活动记录", "No activities yet";
    ActVisit => "拜访", "Visit";
    ActCall => "电话", "Call";
    ActDemo => "演示", "Demo";
    ActEmail => "邮件", "Email";
    ActMeeting => "会议", "Meeting";
    ActProposal => "方案", "Proposal";
    ActContract => "合同", "Contract";
    FeedbackTitle => "客户反馈", "Customer feedback";
    FeedbackMilestone => "针对的里程碑", "After milestone";
    FeedbackNoMilestone => "（不针对某个里程碑）", "(no particular milestone)";
    FeedbackScore => "满意度", "Satisfaction";
    FeedbackComment => "客户说了什么", "What the customer said";
    AddFeedback => "记录反馈", "Record feedback";
    NoFeedback => "还没有客户反馈", "No feedback yet";
    ScoreLabel => "{0} 分（满分 5 分）", "{0} out of 5";
    RemoveEntry => "删除这条记录", "Remove this entry";
    PlaceholderCustomer => "例如：华东精密机械有限公司", "e.g. Eastline Precision Ltd.";
    PlaceholderTitle => "例如：二期产线自动化改造", "e.g. Phase 2 line automation";
    PlaceholderValue => "例如：350000", "e.g. 350000";
    PlaceholderOwner => "例如：王磊", "e.g. Wang Lei";
    Save => "保存", "Save";
    Cancel => "取消", "Cancel";
    Delete => "删除", "Delete";
    DeleteDealConfirm => "确定删除商机“{0}”？删除后可用“撤销”（Ctrl+Z）恢复。", "Delete the deal “{0}”? Undo (Ctrl+Z) brings it back.";
    FixErrors => "请先修正标出的字段", "Please fix the marked fields";
    ErrRequired => "此项必填", "This field is required";
    ErrNotANumber => "请输入数字，例如 120000 或 120,000.50", "Enter a number, e.g. 120000 or 120,000.50";
    ErrNegative => "金额不能为负数", "The value cannot be negative";
    ErrTooLarge => "金额过大", "The value is too large";
    ErrTooManyDecimals => "最多两位小数", "At most two decimal places";
    ErrBadDate => "请输入有效日期（年-月-日）", "Enter a valid date (year-month-day)";
    ErrTooLong => "内容过长（最多 {0} 个字符）", "Too long (at most {0} characters)";
    ErrUnknownStage => "该阶段不存在，请重新选择", "That stage no longer exists; choose another";
    ErrBadCurrency => "请选择币种", "Choose a currency";
    ErrUnknownDeal => "找不到该商机，它可能已被删除", "That deal no longer exists; it may have been deleted";
    ErrUnknownMilestone => "该里程碑不属于这条路线图", "That milestone is not on this roadmap";
    ErrUnknownRoadmap => "找不到该路线图", "That roadmap no longer exists";
    SaveFailedQuota => "浏览器存储空间已满，最近的修改没有保存。数据仍在本页中，请立即导出备份。", "Browser storage is full: recent changes were not saved. They are still on this page; export a backup now.";
    SaveFailedUnavailable => "无法使用浏览器存储（可能处于隐私模式或已被禁用），修改不会保留。请导出备份。", "Browser storage is unavailable (private mode or disabled), so changes will not be kept. Export a backup.";
    SaveFailedOther => "保存失败：{0}。数据仍在本页中，请导出备份。", "Saving failed: {0}. Your data is still on this page; export a backup.";
    ExportFailed => "导出失败：{0}", "Export failed: {0}";
    SaveVerifyFailed => "保存后读回的内容不一致，最近的修改可能没有保存好。数据仍在本页中，请导出备份。", "What was saved did not read back the same, so recent changes may not be stored. They are still on this page; export a backup.";
    StoredDataRestored => "浏览器中保存的数据已损坏：{0}。已恢复上一次完好的副本；损坏的原始内容已另存，可下载。", "The data saved in this browser was damaged: {0}. The previous good copy was restored; the damaged text was kept and can be downloaded.";
    StorageAlmostFull => "浏览器存储已用 {0}%，接近上限。请导出备份，或删除不再需要的商机。", "Browser storage is {0}% full. Export a backup, or delete deals you no longer need.";
    ExportNow => "立即导出", "Export now";
    StoredDataUnreadable => "浏览器中保存的数据无法读取：{0}。原始内容已另存，可下载后排查；现在显示的是新的工作区。", "The data saved in this browser could not be read: {0}. The original text was kept and can be downloaded; a fresh workspace is shown.";
    DownloadRecovery => "下载原始数据", "Download the original data";
    ImportDoneOne => "已导入 1 个商机", "Imported 1 deal";
    ImportDone => "已导入 {0} 个商机", "Imported {0} deals";
    ImportFailed => "导入失败：{0}。当前数据没有任何改动。", "Import failed: {0}. Your current data was not changed.";
    ImportEmpty => "文件是空的", "the file is empty";
    ImportNotJson => "文件不是有效的 JSON（第 {0} 行第 {1} 列）", "the file is not valid JSON (line {0}, column {1})";
    ImportNotWaypoint => "这不是 Waypoint 导出的文件", "this is not a file exported by Waypoint";
    ImportNewerVersion => "文件来自更新版本的 Waypoint（格式版本 {0}，本版本最高支持 {1}），请先升级", "the file comes from a newer Waypoint (format version {0}; this one reads up to {1}); please update first";
    ImportBadVersion => "文件的格式版本无效", "the file's format version is invalid";
    ImportSheet => "导入表格", "Import sheet";
    ImportSheetLabel => "从 Excel、WPS 或 CSV 表格导入商机（也可以把文件拖到看板上）", "Bring deals in from an Excel, WPS or CSV sheet (or drop the file on the board)";
    DropNotSheet => "只能拖入表格文件（.csv、.xlsx）。JSON 文件请用“导入 JSON”或“合并 JSON”。", "Only sheets (.csv, .xlsx) can be dropped here. Use Import JSON or Merge JSON for a JSON file.";
    ImportMalformed => "位置 {0} 的数据不正确：{1}", "the data at {0} is wrong: {1}";
    ImportTooLarge => "文件过大（{0} MB，上限 {1} MB）", "the file is too large ({0} MB; the limit is {1} MB)";
    ImportTooDeep => "文件的嵌套层级过深，不像是 Waypoint 文件", "the file is nested too deeply to be a Waypoint file";
    ImportTooMany => "{0}太多（{1} 个，上限 {2} 个）", "too many {0} ({1}; the limit is {2})";
    StoredCopyDamaged => "副本被截断或被覆盖，无法解压", "it was cut short or overwritten and does not unpack";
    ImportTextTooLong => "位置 {0} 的文字过长（上限 {1} 个字符）", "the text at {0} is too long (at most {1} characters)";
    KindRoadmaps => "路线图", "roadmaps";
    KindStages => "一条路线图的阶段", "stages in one roadmap";
    KindMilestones => "一个阶段的里程碑", "milestones in one stage";
    KindDeals => "商机", "deals";
    KindEntries => "一个商机的活动和反馈", "activities and feedback on one deal";
    KindGoals => "目标", "goals";
    KindDeletions => "删除记录", "remembered deletions";
    ImportReadFailed => "无法读取文件", "the file could not be read";
    BrokenDuplicateId => "编号 {0} 重复出现", "the id {0} appears more than once";
    BrokenNoRoadmap => "文件中没有路线图", "the file has no roadmap";
    BrokenEmptyRoadmap => "路线图 {0} 没有任何阶段", "roadmap {0} has no stages";
    BrokenDealRoadmap => "商机 {0} 指向不存在的路线图 {1}", "deal {0} points to a missing roadmap {1}";
    BrokenDealStage => "商机 {0} 指向不存在的阶段 {1}", "deal {0} points to a missing stage {1}";
    BrokenHistory => "商机 {0} 的阶段记录与当前阶段不一致", "deal {0} has a stage history that does not match its current stage";
    BrokenMilestone => "商机 {0} 指向不存在的里程碑 {1}", "deal {0} points to a missing milestone {1}";
    BrokenGoalRoadmap => "目标 {0} 指向不存在的路线图 {1}", "goal {0} points to a missing roadmap {1}";
    BrokenProbability => "阶段 {0} 的赢单概率 {1}% 超出 0–100", "stage {0} has a win probability of {1}%, outside 0–100";
    BrokenDealField => "商机 {0}：{1}", "deal {0}: {1}";
    BrokenLostReason => "商机 {0} 的丢单原因 {1} 不存在", "deal {0} names a missing lost reason {1}";
    BrokenFeedback => "商机 {0} 的客户反馈无效（满意度须为 1–5，里程碑须在路线图上）", "deal {0} has invalid feedback (satisfaction 1–5, on a milestone of its roadmap)";
    BrokenGoalPeriod => "目标 {0} 的结束日期早于开始日期，或目标值为负", "goal {0} ends before it starts or has a negative target";
    StatusOpen => "进行中", "Open";
    StatusWon => "赢单", "Won";
    StatusLost => "丢单", "Lost";
    PhaseNeedRecognition => "需求识别", "Need recognition";
    PhaseInformationSearch => "信息搜索", "Information search";
    PhaseEvaluation => "评估选择", "Evaluation";
    PhasePurchaseDecision => "购买决策", "Purchase decision";
    PhasePostPurchase => "后续服务", "Post-purchase service";
    DragHint => "拖动卡片或使用 ◀ ▶ 按钮在阶段间移动商机", "Drag a card, or use the ◀ ▶ buttons, to move a deal between stages";
    DealCardLabel => "商机：{0}，客户：{1}", "Deal: {0}, customer: {1}";
    Close => "关闭", "Close";
    ErrNameRequired => "名称不能为空", "A name is required";
    ErrProbability => "赢单概率须在 0–100% 之间（现为 {0}%）", "Win probability must be 0–100% (it is {0}%)";
    ErrDays => "天数超出范围（{0}），请填 1–3650", "Days out of range ({0}); use 1–3650";
    ErrLastStage => "路线图至少要保留一个阶段", "A roadmap keeps at least one stage";
    ErrStageHasDeals => "该阶段还有 {0} 个商机，请先选择它们的去向", "This stage still holds {0} deals; choose where they go";
    ErrLastRoadmap => "至少要保留一条路线图", "At least one roadmap must remain";
    ErrRoadmapHasDeals => "这条路线图上还有 {0} 个商机，不能删除", "{0} deals are still on this roadmap, so it cannot be deleted";
    GateRefused => "“{0}”是关卡阶段，离开前须完成：{1}", "“{0}” is a gated stage; before leaving it, finish: {1}";
    GateConfirm => "“{0}”是关卡阶段，以下必需里程碑尚未完成：{1}。仍要推进吗？", "“{0}” is a gated stage and these required milestones are still open: {1}. Move on anyway?";
    ListSeparator => "、", ", ";
    TabRoadmap => "路线图设计", "Roadmap design";
    TabRoadmapShort => "路线图", "Roadmap";
    MoreActions => "更多操作", "More actions";
    ScreensLabel => "页面", "Screens";
    RoadmapSelect => "当前路线图", "Current roadmap";
    NewRoadmap => "新建路线图…", "New roadmap…";
    NewFromTemplate => "从模板：{0}", "From template: {0}";
    CopyRoadmap => "复制当前路线图", "Copy the current roadmap";
    CopyName => "{0}（副本）", "{0} (copy)";
    RoadmapNameLabel => "路线图名称", "Roadmap name";
    DeleteRoadmap => "删除路线图", "Delete roadmap";
    DeleteRoadmapConfirm => "删除路线图“{0}”？", "Delete the roadmap “{0}”?";
    RoadmapCreated => "已创建路线图“{0}”", "Roadmap “{0}” created";
    GateModeLabel => "关卡未满足时", "When a gate is not met";
    GateModeConfirm => "询问后可推进", "Ask, then allow";
    GateModeRefuse => "不允许推进", "Refuse the move";
    ChartTitle => "路线图", "Roadmap chart";
    ChartHint => "拖动阶段块可调整顺序，拖动里程碑标记可调整到期日；下方列表可用键盘完成同样的操作。", "Drag a stage block to reorder stages, or a milestone marker to change its due day; the list below does the same from the keyboard.";
    ChartAria => "路线图：{0}，共 {1} 个阶段，{2} 天", "Roadmap chart: {0}, {1} stages over {2} days";
    DownloadSvg => "下载 SVG", "Download SVG";
    DownloadPng => "下载 PNG", "Download PNG";
    StagesTitle => "阶段与里程碑", "Stages and milestones";
    StageNumber => "第 {0} 阶段", "Stage {0}";
    StageName => "阶段名称", "Stage name";
    StageProbability => "赢单概率 %", "Win probability %";
    StageDays => "目标天数", "Target days";
    StageGate => "关卡：必需里程碑完成后才能离开", "Gate: leave only when required milestones are done";
    StagePhase => "客户决策阶段", "Customer decision phase";
    StageDescription => "阶段目的", "Purpose";
    StageGuidance => "关键动作", "Key actions";
    ExampleFigures => "模板里的赢单概率和目标天数只是示例，资料里并没有标准数字：请按自己团队的历史成交数据校准。", "The templates' win probabilities and target days are examples, not standards (the sources give no figures): calibrate them from your own team's history.";
    StageExit => "推进条件", "Exit criteria";
    MoveStageUp => "上移阶段：{0}", "Move stage up: {0}";
    MoveStageDown => "下移阶段：{0}", "Move stage down: {0}";
    DeleteStage => "删除阶段", "Delete stage";
    DeleteStageTitle => "删除阶段“{0}”", "Delete the stage “{0}”";
    DeleteStageDeals => "该阶段有 {0} 个商机，请选择它们移到哪个阶段：", "This stage holds {0} deals. Move them to:";
    DeleteStageNoDeals => "该阶段没有商机。它的里程碑会一并删除。", "No deals are in this stage. Its milestones go with it.";
    StageDeleted => "阶段“{0}”已删除", "Stage “{0}” deleted";
    AddStage => "添加阶段", "Add stage";
    NewStageName => "新阶段", "New stage";
    Milestones => "里程碑", "Milestones";
    MilestoneTitle => "里程碑名称", "Milestone";
    MilestoneOwner => "负责角色", "Owner role";
    MilestoneRequired => "必需", "Required";
    MilestoneDay => "第几天到期", "Due on day";
    AddMilestone => "添加里程碑", "Add milestone";
    NewMilestoneName => "新里程碑", "New milestone";
    DeleteMilestone => "删除里程碑：{0}", "Delete milestone: {0}";
    MoveMilestoneUp => "上移里程碑：{0}", "Move milestone up: {0}";
    MoveMilestoneDown => "下移里程碑：{0}", "Move milestone down: {0}";
    TooltipDays => "{0} 天（第 {1}–{2} 天）· 赢单概率 {3}%", "{0} days (day {1}–{2}) · win probability {3}%";
    TooltipMilestoneDay => "进入阶段后第 {0} 天到期", "Due {0} days into the stage";
    Optional => "可选", "Optional";
    GateBadge => "关卡", "Gate";
    DragToReorder => "拖动以调整顺序", "Drag to reorder";
    Today => "今天", "Today";
    Undo => "撤销 (Ctrl+Z)", "Undo (Ctrl+Z)";
    Redo => "重做 (Ctrl+Shift+Z)", "Redo (Ctrl+Shift+Z)";
    Undone => "已撤销", "Undone";
    Redone => "已重做", "Redone";
    NothingToUndo => "没有可以撤销的操作。", "There is nothing to undo.";
    NothingToRedo => "没有可以重做的操作。", "There is nothing to redo.";
    UndonePartly => "已撤销，但有 {0} 条记录在另一个标签页中又被修改过，保留了那边较新的修改。", "Undone, except for {0} record(s) another tab changed since: they keep that newer change.";
    RedonePartly => "已重做，但有 {0} 条记录在另一个标签页中又被修改过，保留了那边较新的修改。", "Redone, except for {0} record(s) another tab changed since: they keep that newer change.";
    AlreadyUndone => "无需撤销：另一个标签页已经做了同样的修改。", "Nothing left to undo: another tab already made the same change.";
    AlreadyRedone => "无需重做：另一个标签页已经做了同样的修改。", "Nothing left to redo: another tab already made the same change.";
    UndoRefused => "这一步现在无法撤销，因为另一个标签页之后的修改依赖它（{0}）。", "This step cannot be undone now: a later change from another tab depends on it ({0}).";
    RedoRefused => "这一步现在无法重做，因为另一个标签页之后的修改与它冲突（{0}）。", "This step cannot be redone now: a later change from another tab conflicts with it ({0}).";
    ChangesDropped => "另一个标签页同时保存了修改。你的 {0} 项修改已无法套用（例如相关商机已在那边删除），其余修改都已保留。", "Another tab saved changes at the same time. {0} of your changes no longer applied (their deal was deleted there, for example); all your other changes were kept.";
    NewerCopyStored => "此浏览器中的数据由更新版本的 Waypoint（数据格式 {0}）保存，当前版本无法安全地修改它，因此不会保存任何更改。请重新加载以使用新版本，或先下载一份副本。", "The data in this browser was saved by a newer version of Waypoint (data format {0}). This version cannot change it safely, so nothing will be saved. Reload to use the new version, or download a copy first.";
    ReloadPage => "重新加载", "Reload";
    DownloadStoredCopy => "下载副本", "Download a copy";
    QuizMissingTitle => "自测：缺了哪个里程碑", "Self-check: spot the missing milestone";
    QuizSituationTitle => "自测：这个商机走到哪一步了", "Self-check: where does this deal stand?";
    QuizCasesTitle => "自测：练习场景里的案例", "Self-check: cases from a practice scenario";
    QuizConceptTitle => "案例自测", "Case questions";
    LearnSectionStages => "阶段课程", "Stage by stage";
    LearnSectionConcepts => "概念课程", "Concepts";
    LearnSectionGlossary => "术语表", "Glossary";
    LearnSectionChecks => "自测", "Self-checks";
    LearnSectionDesign => "设计练习", "Design exercise";
    LearnSectionRecord => "学习记录", "My record";
    LearnSectionFacilitator => "主持人", "Facilitator";
    FinalAssessmentTitle => "结业测评（10 题，答对 80% 通过）", "Final assessment (10 questions; 80% right passes)";
    RecordTakenIn => "已把 {0} 的学习记录加入全班成绩（学习 → 主持人）。", "{0}'s learning record was added to the room's results (Learn → Facilitator).";
    RecordRefused => "无法读取这份学习记录：{0}", "This learning record could not be read: {0}";
    ConceptMastered => "已掌握 {0}/{1} 个概念", "{0} of {1} concepts mastered";
    QuizRight => "✓ 正确", "✓ Right";
    QuizChoiceScore => "答对了 {0}/{1} 题", "{0} of {1} right";
    QuizWrong => "✗ 不对", "✗ Not quite";
    WhatIfTitle => "假设分析（不会保存）", "What if… (nothing is saved)";
    WhatIfHint => "改变各阶段的赢单概率或转化率（也可以拖动预计漏斗里的条形），看预测和漏斗如何变化。", "Change a stage's win probability or conversion (or drag its bar in the projected funnel) and watch the forecast and funnel respond.";
    WhatIfStart => "进入漏斗的商机数", "Deals entering the funnel";
    WhatIfConversion => "转化率 %", "Conversion %";
    WhatIfProjected => "预计漏斗", "Projected funnel";
    WhatIfForecast => "预计加权收入", "Projected weighted revenue";
    WhatIfReset => "恢复实际数值", "Back to the real figures";
    Present => "演示", "Present";
    PresentLabel => "全屏演示这条路线图", "Present this roadmap full screen";
    SlideCounter => "{0} / {1}", "{0} / {1}";
    HideMoney => "隐藏金额 (H)", "Hide money (H)";
    ShowMoney => "显示金额 (H)", "Show money (H)";
    ShowFunnel => "漏斗 (F)", "Funnel (F)";
    ShowReplay => "回放 (R)", "Replay (R)";
    ExitPresentation => "退出 (Esc)", "Exit (Esc)";
    PresentKeys => "← → 或翻页键切换", "← → or PageUp/PageDown to move";
    SlidePrevious => "上一页", "Previous slide";
    SlideNext => "下一页", "Next slide";
    DealsHere => "{0} 个商机在此阶段", "{0} deals in this stage";
    DealsHereValue => "{0} 个商机在此阶段，共 {1}", "{0} deals in this stage, {1} in all";
    ReplayTitle => "商机如何在各阶段流动", "How deals moved through the stages";
    MilestoneOf => "“{0}”的里程碑", "A milestone of “{0}”";
    DueDay => "进入阶段后第 {0} 天到期", "Due {0} days into the stage";
    TabLearn => "学习", "Learn";
    LearnStep => "第 {0} 步，共 {1} 步", "Step {0} of {1}";
    LearnPurpose => "目的", "Purpose";
    LearnActions => "关键动作", "Key actions";
    LearnExit => "推进条件", "Exit criteria";
    LearnBuyer => "客户此时在想什么", "What the customer is thinking";
    LearnPitfalls => "常见误区", "Common pitfalls";
    LessonFigures => "示例数字：赢单概率 {0}%，目标 {1} 天。资料没有给出标准值，请用自己团队的历史数据校准。完成每个里程碑后都收集一次客户反馈。", "Example figures: win probability {0}%, {1} target days. The sources give no standard values, so calibrate them from your team's history. Collect the customer's feedback after every milestone.";
    LearnMilestones => "里程碑", "Milestones";
    LearnExample => "实例", "Worked example";
    ExampleText => "{0}：{1}，{2}", "{0}: {1}, {2}";
    ExampleDone => "已完成：{0}", "Done: {0}";
    ExampleNext => "接下来：{0}", "Next: {0}";
    ExampleFeedback => "客户说：{0}", "The customer said: {0}";
    Previous => "上一步", "Previous";
    Next => "下一步", "Next";
    MarkLearned => "标记为已掌握", "Mark as mastered";
    Learned => "已掌握 ✓", "Mastered ✓";
    LearnProgress => "已掌握 {0}/{1}", "{0} of {1} mastered";
    MilestoneLine => "{0} · {1} · 第 {2} 天", "{0} · {1} · day {2}";
    QuizOrderTitle => "自测：把阶段排成正确的顺序", "Self-check: put the stages in order";
    QuizOrderHint => "拖动或用 ↑ ↓ 调整顺序，然后检查答案。", "Drag, or use ↑ ↓, to reorder; then check your answer.";
    QuizCheck => "检查答案", "Check my answer";
    QuizAgain => "再来一次", "Try again";
    QuizScore => "排对了 {0}/{1} 个阶段", "{0} of {1} stages in the right place";
    QuizPerfect => "全部正确！", "All correct!";
    QuizCorrectOrder => "正确顺序", "The right order";
    QuizHistory => "最近成绩：{0}", "Recent scores: {0}";
    Practice => "练习场景…", "Practice…";
    SandboxBanner => "练习模式：{0}。这里的改动不会保存到你的工作区。", "Practice: {0}. Nothing you change here is saved to your workspace.";
    ResetScenario => "重置场景", "Reset scenario";
    LeaveSandbox => "退出练习", "Leave practice";
    ScenarioReset => "场景已重置", "Scenario reset";
    TabAnalytics => "分析", "Analytics";
    PeriodLabel => "期间", "Period";
    Period30 => "最近 30 天", "Last 30 days";
    PeriodQuarter => "本季度", "This quarter";
    PeriodYear => "今年", "This year";
    PeriodAll => "全部时间", "All time";
    RoadmapAll => "全部路线图", "All roadmaps";
    FunnelTitle => "销售漏斗", "Sales funnel";
    FunnelRow => "{0} 个 · {1} · {2}", "{0} · {1} · {2}";
    FunnelDrop => "最大流失：“{0}”之后只有 {1}% 的商机继续推进。", "Biggest drop-off: only {1}% of deals went on after “{0}”.";
    FunnelNoDrop => "这段期间没有商机流失。", "No deals dropped out in this period.";
    TimeTitle => "各阶段停留时间", "Time in stage";
    TimeRow => "{0} 天 / 目标 {1} 天", "{0} d / target {1} d";
    TimeNone => "暂无数据", "no data yet";
    Bottleneck => "瓶颈：“{0}”平均停留 {1} 天，超出目标 {2} 天。", "Bottleneck: “{0}” takes {1} days on average, {2} over its target.";
    NoBottleneck => "各阶段都在目标时间之内。", "Every stage is within its target time.";
    TimeNote => "竖线：目标天数", "Marker: target days";
    ForecastTitle => "加权预测（按预计成交月份）", "Weighted forecast by expected close month";
    ForecastUnscheduled => "未定日期", "No date";
    ForecastNote => "金额 × 阶段赢单概率；竖线：收入目标每月所需", "Value × stage win probability; marker: the monthly pace the revenue goal needs";
    GoalsChartTitle => "目标：计划与实际", "Goals: target and actual";
    GoalsNote => "条形：完成比例；竖线：今天应达到的进度", "Bar: share of the target reached; marker: where today's pace should be";
    OutcomesTitle => "赢单、丢单与丢单原因", "Won, lost and why";
    KpiWinRate => "赢单率", "Win rate";
    KpiAvgDeal => "平均成交金额", "Average deal size";
    KpiCycle => "平均销售周期", "Average sales cycle";
    KpiCoverage => "管道覆盖率", "Pipeline coverage";
    KpiOverdue => "逾期里程碑", "Overdue milestones";
    KpiDays => "{0} 天", "{0} days";
    KpiCoverageHint => "加权管道 ÷ 收入目标尚缺部分", "Weighted pipeline ÷ what the revenue goal still needs";
    OtherCurrencyNote => "{0} 个非 {1} 商机未计入金额", "{0} deals not in {1} are left out of money figures";
    MetricWonRevenue => "赢单收入", "Won revenue";
    MetricDealsWon => "赢单数", "Deals won";
    MetricNewCustomers => "新客户数", "New customers";
    MetricWinRate => "赢单率（%）", "Win rate (%)";
    MetricWeightedPipeline => "加权管道金额", "Weighted pipeline";
    SmartSpecificMissing => "S 具体：还没有要达到的数字", "S, specific: there is no number to reach";
    SmartStretch => "A 可实现：目标是上一个同样长的期间实际达成的 {0} 倍，请确认人手和计划跟得上", "A, achievable: the target is {0}× what the same length of time before it reached; check that people and plans can keep up";
    SmartNoHistory => "A 可实现：没有上一期间的数据可比，请自己判断", "A, achievable: there is nothing from the period before to compare with, so judge it yourself";
    SmartNoEnd => "T 有时限：缺少截止日期", "T, time-bound: there is no end date";
    GoalNoOwner => "明确责任：还没有负责人（这不属于 SMART，但每个目标都要有人负责）", "Responsibility: nobody owns it (not a letter of SMART, but every goal needs an owner)";
    SmartLegend => "SMART：✓ 满足 · ✗ 缺少 · ? 由你判断（R 相关：是否服务于公司战略，程序无法替你判断）", "SMART: ✓ met · ✗ missing · ? your call (R, relevant: whether it serves the company's strategy, is never a program's call)";
    GoalsTitle => "目标", "Goals";
    AddGoal => "添加目标", "Add goal";
    GoalMetricLabel => "指标", "Metric";
    GoalTargetLabel => "目标值", "Target";
    GoalStart => "开始", "Start";
    GoalEnd => "截止", "End";
    DeleteGoal => "删除目标", "Delete goal";
    EditGoal => "修改", "Edit";
    SaveGoal => "保存目标", "Save goal";
    GoalProgressText => "实际 {0} / 目标 {1}（今天应达 {2}）", "Actual {0} of {1} (today's pace: {2})";
    NoGoals => "还没有目标。好的目标是具体、可衡量、可实现、相关且有时限的。", "No goals yet. A good goal is specific, measurable, achievable, relevant and time-bound.";
    OwnersTitle => "团队业绩", "Results by owner";
    ColOwner => "负责人", "Owner";
    ColDeals => "商机数", "Deals";
    ColWonValue => "赢单金额", "Won value";
    ColWinRate => "赢单率", "Win rate";
    ColCycle => "平均周期", "Avg. cycle";
    ColOverdue => "逾期里程碑", "Overdue";
    ErrNegativeTarget => "目标值不能为负", "The target cannot be negative";
    ErrPeriodReversed => "结束日期不能早于开始日期", "The end date cannot be before the start date";
    ErrUnknownGoal => "该目标已不存在", "That goal no longer exists";
    ErrMemberExists => "团队里已经有“{0}”了", "“{0}” is on the team already";
    ErrUnknownMember => "团队里没有“{0}”", "Nobody called “{0}” is on the team";
    DoneOn => "完成于 {0}", "done {0}";
    IAm => "我是", "I am";
    TeamOpen => "团队", "Team";
    TeamFileTitle => "团队文件", "Team file";
    TeamFileHint => "连接团队已在同步的文件夹（OneDrive、Dropbox、坚果云、企业微信微盘或共享盘）里的一个文件：切回这个页面时和每 30 秒，Waypoint 会合并同事的修改，你修改后再写回去。本机的数据仍是你的工作副本。", "Link one file in a folder the team already syncs (OneDrive, Dropbox, 坚果云, 企业微信微盘 or a network share): each time you come back to this page, and every 30 seconds, Waypoint merges your colleagues' changes, and writes yours back after you make them. The data in this browser stays your working copy.";
    TeamFileUnsupported => "这个浏览器不能连接文件夹里的文件（需要电脑上的 Chrome、Edge 或 360、QQ 等 Chromium 内核浏览器）。请继续用“导出 JSON”和“合并 JSON”和同事交换文件。", "This browser cannot link to a file in a folder (that takes Chrome, Edge or another Chromium browser on a computer). Keep exchanging files with colleagues through “Export JSON” and “Merge JSON”.";
    TeamFileOpen => "选择已有的团队文件", "Choose the team file";
    TeamFileCreate => "新建团队文件", "Create a team file";
    TeamFileSyncNow => "立即同步", "Sync now";
    TeamFileDisconnect => "断开", "Disconnect";
    TeamFileGrant => "允许访问", "Allow access";
    TeamFileRepick => "重新选择文件", "Choose the file again";
    TeamFileLinked => "已连接“{0}”", "Linked to “{0}”";
    TeamFileSyncing => "正在同步…", "Syncing…";
    TeamFileSynced => "已同步 {0}", "Synced {0}";
    TeamFileChangesFrom => "{0} 的 {1} 处修改", "{1} changes from {0}";
    TeamFileChanges => "{0} 处修改", "{0} changes";
    TeamFileNeedsPermission => "浏览器重启后，需要你再次允许访问“{0}”。", "After a restart the browser needs your permission again to use “{0}”.";
    TeamFileGone => "找不到团队文件“{0}”，它可能被移动、改名或删除了。请重新选择。", "The team file “{0}” is gone: it may have been moved, renamed or deleted. Choose it again.";
    TeamFileDenied => "没有得到访问“{0}”的许可，团队文件暂停同步。", "Permission to use “{0}” was not given; the team file is not being synced.";
    TeamFileDamaged => "团队文件“{0}”读不出来：{1}。本机数据没有改动，可以继续工作；请检查这个文件，或重新选择。", "The team file “{0}” cannot be read: {1}. Nothing here was changed and you can keep working; check the file, or choose another.";
    TeamFileUnreachable => "暂时读写不了团队文件“{0}”（文件夹可能离线）。修改继续保存在本机，稍后会自动再试。", "The team file “{0}” cannot be reached for now (the folder may be offline). Your changes stay saved here, and Waypoint tries again shortly.";
    TeamFileSandbox => "练习场景打开时不同步团队文件。", "The team file is not synced while a practice scenario is open.";
    TeamTitle => "团队成员", "Team members";
    TeamHint => "名单包括所有负责商机的人，也可以先把新同事加进来。改名会同时改掉所有商机、里程碑和目标上的名字；离职的成员不再出现在负责人选项里，他负责的商机保留原样，直到交给别人。", "Everyone who owns a deal is on the list, and you can add a new colleague before they own one. A new name is put on every deal, milestone and goal at once. Someone who has left is no longer offered as an owner; their deals stay as they are until handed on.";
    TeamNewName => "新成员的名字", "New member's name";
    TeamAdd => "添加成员", "Add member";
    TeamRename => "改名", "Rename";
    TeamRetire => "标记为离职", "Mark as left";
    TeamBringBack => "恢复", "Bring back";
    TeamRetired => "已离职", "Left";
    TeamDeals => "{0} 个商机", "{0} deals";
    MergeByPerson => "{0}：{1}", "{0}: {1}";
    MergePersonAdded => "新增 {0} 条", "{0} added";
    MergePersonUpdated => "更新 {0} 条", "{0} updated";
    MergePersonDeleted => "删除 {0} 条", "{0} deleted";
    NobodyChosen => "（未选择）", "(not chosen)";
    MyDeals => "我的商机", "My deals";
    CardFieldsLabel => "卡片显示", "Card shows";
    CardFieldValue => "金额", "Value";
    CardFieldOwner => "负责人与日期", "Owner and date";
    CardFieldMilestones => "里程碑", "Milestones";
    CardFieldSegments => "客户细分", "Segments";
    EditReasons => "管理丢单原因", "Edit lost reasons";
    NewReason => "新的丢单原因", "New lost reason";
    AddReason => "添加", "Add";
    RemoveReason => "删除原因：{0}", "Remove reason: {0}";
    CsvId => "编号", "ID";
    CsvRoadmap => "路线图", "Roadmap";
    CsvStatus => "状态", "Status";
    CsvCreated => "创建日期", "Created";
    CsvSegments => "客户细分", "Segments";
    CsvDoneOn => "完成日期", "Done on";
    ExportCsv => "导出 CSV…", "Export CSV…";
    ExportDealsCsv => "商机表", "Deals";
    ExportMilestonesCsv => "里程碑表", "Milestones";
    TabAgenda => "日程", "Agenda";
    AgendaTitle => "待办里程碑", "Milestones to do";
    AgendaHorizon => "显示未来", "Show the next";
    AgendaDays => "{0} 天", "{0} days";
    AgendaOverdue => "已逾期", "Overdue";
    AgendaEmpty => "这段时间没有待办里程碑", "Nothing due in this period";
    AgendaMine => "只看负责人", "Only owner";
    AgendaEveryone => "所有人", "Everyone";
    AgendaItemsOne => "1 项", "1 item";
    AgendaItems => "{0} 项", "{0} items";
    AgendaShowMore => "再显示 {0} 项（还有 {1} 项未显示）", "Show {0} more ({1} not shown)";
    FilterLabel => "筛选商机", "Filter deals";
    FilterSearch => "搜索客户、商机、负责人或细分", "Search customer, deal, owner or segment";
    FilterAllOwners => "全部负责人", "All owners";
    FilterAllSegments => "全部客户细分", "All segments";
    FilterOpen => "进行中", "Open";
    FilterWon => "赢单", "Won";
    FilterLost => "丢单", "Lost";
    FilterAll => "全部状态", "All statuses";
    FilterOverdue => "仅看逾期", "Overdue only";
    FilterStalled => "仅看停滞", "Stalled only";
    FilterClear => "清除筛选", "Clear filters";
    FilterOwner => "负责人", "Owner";
    FilterSegment => "客户细分", "Segment";
    FilterStatus => "状态", "Status";
    StalledFlag => "⏱ 停留 {0} 天（目标 {1} 天）", "⏱ {0} days in stage (target {1})";
    ErrReasonRequired => "丢单时请选择原因", "Choose why the deal was lost";
    ErrUnknownReason => "该丢单原因已不存在", "That lost reason no longer exists";
    ErrReasonInUse => "有 {0} 个商机使用这个原因，不能删除", "{0} deals use this reason, so it cannot be removed";
    ErrSatisfaction => "满意度须为 1–5（现为 {0}）", "Satisfaction must be 1–5 (it is {0})";
    ErrUnknownEntry => "该记录已不存在", "That entry no longer exists";
    ErrUnknownTask => "该客户任务已不存在", "That customer task no longer exists";
    ErrUnknownProposal => "该建议日期已处理过", "That proposed date has already been dealt with";
    ReplyDealGone => "这条回复对应的商机已不在本浏览器中（可能已删除，或是其他团队的计划）", "The deal this reply is about is not in this browser (deleted, or another team's plan)";
    ReplyAlreadyMerged => "这条回复已经合并过了，无需再次合并", "This reply has already been merged; nothing to do";
    ReplyBadScore => "回复中的评分 {0} 不在 1 到 5 之间，链接可能被改动过", "The reply rates a step {0}, outside 1 to 5: the link may have been altered";
    ReplyTooLong => "回复中的姓名或说明过长，链接可能被改动过", "A name or note in the reply is too long: the link may have been altered";
    ReplyRepeated => "回复中同一步骤出现了两次，链接可能被改动过", "The reply names the same step twice: the link may have been altered";
    CalendarFile => "日历 (.ics)", "Calendar (.ics)";
    CalendarDealLabel => "把这个商机未完成的里程碑下载为日历文件（Outlook、Google、Apple、钉钉、企业微信都能导入；再次导入会更新而不是重复）", "Download this deal's open milestones as a calendar file (Outlook, Google, Apple, DingTalk and WeCom import it; importing again updates rather than duplicates)";
    CalendarOwnerLabel => "把这位负责人所有未完成的里程碑下载为日历文件，提前一天 9:00 提醒", "Download every open milestone of this owner as a calendar file, with a reminder at 09:00 the day before";
    HealthAtRisk => "⚠ 有风险：{0} 个里程碑逾期，最久 {1} 天", "⚠ At risk: {0} overdue, the oldest {1} d late";
    HealthStalled => "⛔ 停滞：{0} 个里程碑逾期，最久 {1} 天", "⛔ Stalled: {0} overdue, the oldest {1} d late";
    TimelineTitle => "里程碑计划", "Milestone plan";
    TimelineHint => "拖动标记可改期；也可在下方修改日期。", "Drag a marker to reschedule, or change the date below.";
    TimelineAria => "商机“{0}”的里程碑时间线：{1} 个里程碑，{2} 个逾期", "Milestone timeline of “{0}”: {1} milestones, {2} overdue";
    StateDone => "已完成", "Done";
    StateOpen => "待完成", "Open";
    StateOverdue => "已逾期", "Overdue";
    DueDate => "到期日", "Due";
    MilestoneDoneLabel => "完成：{0}", "Done: {0}";
    ResetDue => "恢复计划日期", "Back to the planned date";
    Rescheduled => "已改期", "Rescheduled";
    ChartStageFacts => "{0} 天 · 赢单概率 {1}%", "{0} days · win probability {1}%";
    ChartDay => "第 {0} 天", "Day {0}";
    UpdateReady => "Waypoint 有新版本。重新加载即可使用，已保存的数据不受影响。", "A new version of Waypoint is ready. Reload to use it; your saved data stays as it is.";
    ChartNoData => "暂无数据", "No data yet";
    Help => "帮助", "Help";
    HelpLabel => "帮助与键盘快捷键 (?)", "Help and keyboard shortcuts (?)";
    HelpTitle => "帮助", "Help";
    HelpGuide => "使用说明", "Guide";
    HelpShortcuts => "键盘快捷键", "Keyboard shortcuts";
    HelpClose => "关闭", "Close";
    HelpMacNote => "在 Mac 上，Ctrl 用 ⌘ 代替。在输入框中打字时，单键快捷键不起作用。", "On a Mac, use ⌘ for Ctrl. Single-key shortcuts do nothing while you type in a field.";
    KeysEverywhere => "任何页面", "Anywhere";
    KeysBoard => "销售管道与对话框", "Pipeline and dialogs";
    KeysPresentation => "演示模式", "Presentation mode";
    KeyShowShortcuts => "显示本快捷键表", "Show this list of shortcuts";
    KeyNewDeal => "新建商机", "New deal";
    KeySearch => "搜索商机（切换到销售管道）", "Search deals (opens the pipeline)";
    KeyScreens => "切换到第 1–5 个页面：销售管道、日程、分析、路线图设计、学习", "Go to screen 1–5: pipeline, agenda, analytics, roadmap design, learn";
    KeyPresent => "开始演示", "Start presenting";
    KeyUndo => "撤销", "Undo";
    KeyRedo => "重做", "Redo";
    KeyTabCards => "在按钮、卡片和输入框之间移动", "Move between buttons, cards and fields";
    KeyOpenCard => "打开当前卡片的商机", "Open the focused card's deal";
    KeyMoveCard => "卡片上的按钮：把商机移到上一个或下一个阶段", "Buttons on a card: move the deal to the previous or next stage";
    KeyCloseDialog => "关闭对话框，不保存", "Close a dialog without saving";
    KeyNextStage => "下一个阶段", "Next stage";
    KeyPreviousStage => "上一个阶段", "Previous stage";
    KeyFirstLast => "第一个 / 最后一个阶段", "First / last stage";
    KeyHideMoney => "隐藏或显示金额", "Hide or show amounts";
    KeyFunnel => "显示或隐藏漏斗", "Show or hide the funnel";
    KeyReplay => "回放商机的推进过程", "Replay how the deals moved";
    KeyLeavePresentation => "退出演示", "Leave presentation mode";
    Print => "打印", "Print";
    PrintLabel => "打印或存为 PDF（A4 横向）", "Print or save as PDF (A4 landscape)";
    LinkSandboxBanner => "这是别人通过链接分享的工作区，在沙盒中打开：可以随意查看和操作，但不会保存，你自己的数据也不受影响。想保留它，可以“合并到我的数据”或“导出 JSON”。", "This workspace came in a shared link and is open in a sandbox: look around and try things, nothing is saved and your own data is untouched. To keep it, merge it into your data or export it.";
    Share => "分享", "Share";
    ShareLabel => "用链接或二维码分享当前工作区", "Share this workspace as a link or QR code";
    ShareTitle => "分享链接", "Share link";
    ShareHint => "打开链接的人会在沙盒中看到这份工作区：数据全在链接里，不经过任何服务器。", "Whoever opens the link sees this workspace in a sandbox. All the data is in the link itself; no server is involved.";
    ShareScenarioHint => "这是练习场景的短链接：对方打开的是同一个场景的初始状态。", "This is the scenario's short link: it opens the same scenario as it starts.";
    ShareCopy => "复制链接", "Copy link";
    ShareCopied => "链接已复制。", "Link copied.";
    ShareCopyFailed => "无法自动复制，请选中链接后按 Ctrl+C（Mac 上按 ⌘C）。", "Could not copy automatically: select the link and press Ctrl+C (⌘C on a Mac).";
    ShareLinkLabel => "分享链接", "Share link";
    ShareQrAlt => "分享链接的二维码：用手机扫描即可打开", "QR code of the share link: scan it with a phone to open it";
    ShareNoQr => "这个链接太长，放不进二维码。请复制链接，或改用文件。", "This link is too long for a QR code. Copy the link, or send a file instead.";
    ShareTooLarge => "这个工作区太大，放不进链接（约需 {0} 个字符，上限 {1}）。请用“导出 JSON”把文件发给对方。", "This workspace is too large for a link (about {0} characters; links take at most {1}). Send it as a file with “Export JSON” instead.";
    ShareUnknownScenario => "链接里的练习场景“{0}”在这个版本中不存在", "the practice scenario “{0}” in the link does not exist in this version";
    ShareDamaged => "链接不完整或被改动过，可能在复制时被截断了，请让对方重新发送", "the link is incomplete or altered, perhaps cut off when it was copied; ask for it again";
    LinkNewer => "这个链接由更新版本的 Waypoint 生成，请刷新页面或更新后再打开", "this link was made by a newer version of Waypoint; reload the page or update, then open it again";
    ShareOpenFailed => "无法打开这个分享链接：{0}。你自己的数据没有改动。", "This share link could not be opened: {0}. Your own data is unchanged.";
    ShowInPresentation => "在演示中放大显示", "Show large in presentation";
    ShowQr => "二维码", "QR code";
    KeyShowQr => "显示或隐藏分享二维码", "Show or hide the share QR code";
    Merge => "合并 JSON", "Merge JSON";
    MergeLabel => "把同事的文件合并到当前数据中（不替换）", "Merge a teammate's file into your data (nothing is replaced)";
    MergeTitle => "合并“{0}”", "Merge “{0}”";
    MergeAdded => "新增：{0} 条记录", "Added: {0}";
    MergeUpdated => "更新：{0} 条记录（文件中的版本较新）", "Updated, newer in the file: {0}";
    MergeConflicts => "两边都改过：{0} 条，已按较新的修改合并，两边的活动和反馈都保留", "Changed on both sides, the newer change kept (activities and feedback from both stay): {0}";
    MergeUnchanged => "未变：{0} 条", "Unchanged: {0}";
    MergeDeleted => "删除：{0} 条（对方已删除，你这边之后也没有再改过）", "Deleted, as the file's owner deleted them (unchanged here since): {0}";
    MergeKept => "保留：{0} 条（一方删除了，但另一方在删除之后又改过）", "Kept although deleted on one side, because the other side changed them later: {0}";
    MergeNote => "只有对方删除、且你之后没有再改过的记录才会被删除。确认后，如需还原，按“撤销”即可撤回整个合并。", "Only what the other side deleted, and you did not change since, is deleted. After confirming, one Undo takes the whole merge back.";
    MergeConfirm => "合并", "Merge";
    MergeNothing => "“{0}”中没有新的内容，当前数据已包含它的全部记录。", "“{0}” has nothing new: your data already holds all of its records.";
    MergeDone => "已合并：新增 {0}，更新 {1}，冲突已解决 {2}，删除 {3}。可以撤销。", "Merged: {0} added, {1} updated, {2} conflicts resolved, {3} deleted. Undo takes it back.";
    MergeOffBoard => "其中 {0} 个新商机属于另一条路线图；在“路线图设计”中切换当前路线图即可在看板上看到它们。", "{0} of the new deals are on another roadmap: choose it as the current roadmap under “Roadmap design” to see them on the board.";
    MergeLeavesSandbox => "合并的是你自己的数据：确认后会先退出当前的沙盒。", "The merge goes into your own data: confirming leaves the sandbox first.";
    MergeShared => "合并到我的数据", "Merge into my data";
    MergeSharedLabel => "把这份分享的工作区合并到你自己的数据中（先显示摘要，可撤销）", "Merge this shared workspace into your own data (a summary first; can be undone)";
    SharedWorkspaceName => "分享的工作区", "shared workspace";
    ReloadNow => "重新加载", "Reload now";
}

/// The text of `msg` in `lang`.
pub fn tr(lang: Lang, msg: Msg) -> &'static str {
    let (zh, en) = msg.pair();
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The text of `msg` in `lang` with `{0}`, `{1}` … replaced by `args`.
pub fn trf(lang: Lang, msg: Msg, args: &[&str]) -> String {
    fill(tr(lang, msg), args)
}

/// `text` with `{0}`, `{1}` … replaced by `args` (for texts kept outside the catalog,
/// such as the learn screen's, which load with their own part).
pub fn fill(text: &str, args: &[&str]) -> String {
    // One pass over the text (a board fills several texts for each of its cards); an
    // argument's own text is never searched for placeholders.
    let mut out = String::with_capacity(text.len() + args.iter().map(|a| a.len()).sum::<usize>());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let (before, from_brace) = rest.split_at(open);
        out.push_str(before);
        let arg = match from_brace.as_bytes() {
            [b'{', digit @ b'0'..=b'9', b'}', ..] => args.get(usize::from(digit - b'0')),
            _ => None,
        };
        match arg {
            Some(arg) => {
                out.push_str(arg);
                rest = &from_brace[3..];
            }
            None => {
                out.push('{');
                rest = &from_brace[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A count in a sentence: `one` for exactly 1 (English needs it), `many` with `{0}` otherwise.
pub fn count(lang: Lang, n: usize, one: Msg, many: Msg) -> String {
    if n == 1 {
        tr(lang, one).to_owned()
    } else {
        trf(lang, many, &[&crate::core::text::money::group_digits(n as u64)])
    }
}

/// The placeholders (`{0}`, `{1}` …) a text uses, for the catalog check.
pub fn placeholders(text: &str) -> Vec<usize> {
    let mut found: Vec<usize> = (0..10).filter(|i| text.contains(&format!("{{{i}}}"))).collect();
    found.sort_unstable();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages_with_the_same_placeholders() {
        for msg in Msg::ALL {
            let (zh, en) = msg.pair();
            assert!(!zh.trim().is_empty(), "{msg:?} has no Chinese text");
            assert!(!en.trim().is_empty(), "{msg:?} has no English text");
            assert_eq!(placeholders(zh), placeholders(en), "{msg:?} placeholders differ");
        }
    }

    #[test]
    fn each_text_is_read_back_whole_from_its_languages_table() {
        // The first text, the last, and neighbours with texts of different lengths: an end
        // off by one would cut one text short and start the next early.
        assert_eq!(Msg::AppName.pair(), ("Waypoint 销售路线图", "Waypoint Sales Roadmap"));
        assert_eq!(Msg::SwitchLanguage.pair(), ("English", "中文"));
        assert_eq!(Msg::SharedWorkspaceName.pair(), ("分享的工作区", "shared workspace"));
        assert_eq!(Msg::ReloadNow.pair(), ("重新加载", "Reload now"));
        assert_eq!(Msg::ALL.last(), Some(&Msg::ReloadNow));
        // Read back one by one, the texts make up each table exactly.
        let zh: String = Msg::ALL.iter().map(|m| m.pair().0).collect();
        let en: String = Msg::ALL.iter().map(|m| m.pair().1).collect();
        assert_eq!((zh.as_str(), en.as_str()), (ZH_TEXTS, EN_TEXTS));
    }

    #[test]
    fn browser_language_picks_chinese_for_any_zh_tag() {
        assert_eq!(Lang::from_tag("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_tag("zh-TW"), Lang::Zh);
        assert_eq!(Lang::from_tag("ZH"), Lang::Zh);
        assert_eq!(Lang::from_tag("en-US"), Lang::En);
        assert_eq!(Lang::from_tag("fr"), Lang::En);
    }

    #[test]
    fn arguments_fill_their_numbered_places() {
        assert_eq!(trf(Lang::En, Msg::MovedTo, &["Acme", "Proposal"]), "“Acme” moved to “Proposal”");
        assert_eq!(trf(Lang::Zh, Msg::ColumnCount, &["3"]), "3 个商机");
        assert_eq!(count(Lang::En, 1, Msg::ColumnCountOne, Msg::ColumnCount), "1 deal");
        assert_eq!(count(Lang::En, 0, Msg::ColumnCountOne, Msg::ColumnCount), "0 deals");
        assert_eq!(count(Lang::Zh, 1, Msg::ColumnCountOne, Msg::ColumnCount), "1 个商机");
    }

    #[test]
    fn filling_leaves_other_braces_and_the_arguments_own_text_alone() {
        // A customer called "{1}" stays "{1}": arguments are never searched for places.
        assert_eq!(fill("{0} and {1}", &["{1}", "b"]), "{1} and b");
        assert_eq!(fill("{0}{0}", &["x"]), "xx");
        // A place with no argument, a brace that opens nothing and a trailing brace stay as written.
        assert_eq!(fill("{2} {x} {", &["a"]), "{2} {x} {");
        assert_eq!(fill("「{0}」移到「{1}」", &["甲", "乙"]), "「甲」移到「乙」");
    }
}
