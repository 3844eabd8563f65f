//! The in-app help: one short section per part of the app, in Chinese and English.
//! Pairs are (中文, English), picked with `Lang::pick`.

/// One section of the in-app help.
pub struct HelpSection {
    /// The section's heading, as (中文, English).
    pub title: (&'static str, &'static str),
    /// The section's text, one paragraph, as (中文, English).
    pub body: (&'static str, &'static str),
}

const fn section(title: (&'static str, &'static str), body: (&'static str, &'static str)) -> HelpSection {
    HelpSection { title, body }
}

/// The help's sections, in the order the help dialog shows them.
pub const HELP: &[HelpSection] = &[
    section(
        ("Waypoint 是什么", "What Waypoint is"),
        (
            "一张销售路线图：从找到潜在客户，到签订合同，再到售后服务。每个阶段有目标天数、赢单概率和必须达成的里程碑。所有数据只保存在这个浏览器里，不上传到任何服务器。",
            "A sales roadmap: from finding a prospect, to the contract, to after-sales service. Every stage has a target duration, a win probability and the milestones it must reach. All data stays in this browser; nothing is sent to a server.",
        ),
    ),
    section(
        ("销售管道", "Pipeline"),
        (
            "每一列是路线图的一个阶段。拖动卡片，或用卡片上的 ◀ ▶ 按钮，把商机移到别的阶段；每次移动都记入商机的阶段历史。点击卡片可编辑商机、勾选里程碑、记录活动和客户反馈。标有“关卡”的阶段，要等里程碑完成才能离开。",
            "Each column is a stage of the roadmap. Drag a card, or use its ◀ ▶ buttons, to move a deal to another stage; every move enters the deal's stage history. Click a card to edit the deal, tick off milestones, and log activities and customer feedback. A stage marked “gate” cannot be left until its milestones are done.",
        ),
    ),
    section(
        ("日程", "Agenda"),
        (
            "按到期日列出已逾期和即将到期的里程碑，逾期的排在最前。可以只看某位负责人的；“导出 CSV”可把里程碑导出为表格。",
            "Lists the milestones that are overdue or due soon, by date, overdue ones first. Show one owner's only; “Export CSV” puts the milestones in a spreadsheet.",
        ),
    ),
    section(
        ("分析", "Analytics"),
        (
            "漏斗显示商机在哪个阶段流失最多；还有各阶段停留时间、收入预测、目标与实际的对比，以及每位负责人的业绩。“假设分析”可以试着改变赢单概率和转化率，不会改动真实数据。",
            "The funnel shows at which stage most deals are lost; next to it are time in stage, the revenue forecast, goals against actuals and each owner's results. “What if” lets you try other win probabilities and conversion rates without touching the real data.",
        ),
    ),
    section(
        ("路线图设计", "Roadmap design"),
        (
            "新建路线图时可以从模板开始。为每个阶段设定名称、目标天数、赢单概率、客户决策阶段和里程碑；拖动图上的阶段块可调整顺序。",
            "Start a new roadmap from a template. Give each stage its name, target days, win probability, customer decision phase and milestones; drag a stage block on the chart to reorder the stages.",
        ),
    ),
    section(
        ("学习与练习", "Learn and practise"),
        (
            "“学习”逐个阶段讲解客户在想什么、常见错误和例子；概念课程讲解五篇资料的方法，另有术语表、自测、设计练习和结业测评。“学习记录”可以打印或交给主持人；主持人在“主持人”里打印角色扮演卡片、汇总全班成绩。“练习场景”打开一个示例工作区作为沙盒：随便操作，不会保存，也可以一键重置。",
            "“Learn” explains each stage: what the customer is thinking, common mistakes and an example; concept lessons teach the five source articles' methods, with a glossary, self-checks, a design exercise and a final assessment. “My record” prints or goes to the facilitator, who prints role-play cards and gathers the room's results under “Facilitator”. “Practice” opens a sample workspace as a sandbox: nothing you do there is saved, and one click resets it.",
        ),
    ),
    section(
        ("演示", "Presenting"),
        (
            "“演示”用大字逐个阶段展示路线图，适合投影。用 → 和 ← 翻页，按 Esc 退出；按 ? 可查看全部快捷键。",
            "“Present” shows the roadmap stage by stage in large type, for a projector. Use → and ← to move, Esc to leave; press ? for every shortcut.",
        ),
    ),
    section(
        ("数据、备份与共享", "Your data, backups and sharing"),
        (
            "数据只在本浏览器、本网址下保存。请定期“导出 JSON”作备份。“导入 JSON”用文件替换当前数据；“合并 JSON”把同事的文件并入你的数据，先显示摘要，同一条记录两边都改过时以较新的修改为准，什么都不会删除。两者都可以撤销。“导入表格”读取 Excel、WPS 的 .xlsx 或 CSV 文件（也可以把文件拖到看板上）：先确认每列对应的字段和新增、更新、跳过的行数，再导入；一次撤销即可全部撤回。“分享”生成一个包含数据的链接和二维码，对方打开后在沙盒中查看。换浏览器或换网址时，用导出和导入搬家。",
            "Data is kept only in this browser, at this address. Use “Export JSON” regularly as a backup. “Import JSON” replaces your data with a file; “Merge JSON” adds a teammate's file to yours, with a summary first: where both changed the same record the newer change wins, and nothing is deleted. Both can be undone. “Import sheet” reads an Excel or WPS .xlsx or a CSV file (or drop it on the board): check each column's field and how many rows are added, updated and skipped, then import; one Undo takes it all back. “Share” makes a link and QR code that carry the data; whoever opens it sees it in a sandbox. To move to another browser or address, export and import.",
        ),
    ),
    section(
        ("离线与安装", "Offline and installing"),
        (
            "打开过一次之后，没有网络也能使用。浏览器的“安装”功能可以把 Waypoint 放到桌面或主屏幕。发布新版本时，页面会提示，点“重新加载”即可更新，数据不受影响。",
            "After one visit Waypoint works with no network. The browser's “Install” option puts it on the desktop or home screen. When a new version is published the page says so; choose “Reload now” to update, and your data stays.",
        ),
    ),
];
