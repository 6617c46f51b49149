//! A deterministic generator of plans of any size, shared by tests and benchmarks.

use super::{
    ChecklistItem, Estimate, Milestone, MilestoneId, Phase, PhaseId, Plan, Priority, Sprint,
    SprintId, StatusKey, Task, TaskId, VelocityRecord, WeekRange,
};
use chrono::NaiveDate;

/// A small, fast, seeded pseudo-random generator (`SplitMix64`); no outside crate needed.
#[derive(Clone, Debug)]
pub struct SplitMix(u64);

impl SplitMix {
    /// A generator started from a seed.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (0 when bound is 0).
    pub fn below(&mut self, bound: usize) -> usize {
        if bound == 0 {
            0
        } else {
            (self.next_u64() % bound as u64) as usize
        }
    }
}

const WORDS: [&str; 16] = [
    "Design",
    "Build",
    "Review",
    "Test",
    "Deploy",
    "Refactor",
    "Document",
    "Measure",
    "checkout",
    "invoice",
    "sync",
    "search",
    "login",
    "report",
    "import",
    "dashboard",
];

/// A plan with `tasks` tasks and about `dependencies` dependency edges, all pointing to earlier tasks
/// (so the plan has no cycle), spread over phases and sprints. The same arguments give the same plan.
pub fn generate_plan(tasks: usize, dependencies: usize, seed: u64) -> Plan {
    let mut rng = SplitMix::new(seed);
    let mut plan = Plan::new(&format!("Generated plan ({tasks} tasks)"));
    plan.meta.start = NaiveDate::from_ymd_opt(2026, 1, 5);
    let phase_count = (tasks / 200).clamp(1, 50);
    let sprint_count = (tasks / 100).clamp(1, 100);
    plan.phases = (0..phase_count)
        .map(|i| Phase {
            id: PhaseId(format!("phase-{}", i + 1)),
            name: format!("Phase {}", i + 1),
            weeks: Some(WeekRange {
                first: i as u32 * 2 + 1,
                last: i as u32 * 2 + 2,
            }),
            ..Phase::default()
        })
        .collect();
    plan.sprints = (0..sprint_count)
        .map(|i| Sprint {
            id: SprintId(format!("sprint-{}", i + 1)),
            name: format!("Sprint {}", i + 1),
            weeks: Some(WeekRange {
                first: i as u32 * 2 + 1,
                last: i as u32 * 2 + 2,
            }),
            capacity_hours: Some(160.0),
            ..Sprint::default()
        })
        .collect();
    let statuses: Vec<StatusKey> = plan.legend.iter().map(|s| s.key.clone()).collect();
    let per_task = if tasks == 0 {
        0
    } else {
        dependencies.div_ceil(tasks)
    };
    let mut edges_left = dependencies;
    for i in 0..tasks {
        let mut task = Task {
            id: TaskId(format!("T-{:05}", i + 1)),
            title: format!(
                "{} {} {}",
                WORDS[rng.below(8)],
                WORDS[8 + rng.below(8)],
                i + 1
            ),
            status: statuses[rng.below(statuses.len())].clone(),
            priority: Some(Priority::ALL[rng.below(4)]),
            owner: ["frontend", "backend", "devops", "qa"][rng.below(4)].to_owned(),
            phase: Some(plan.phases[i * phase_count / tasks.max(1)].id.clone()),
            sprint: (rng.below(3) > 0).then(|| plan.sprints[rng.below(sprint_count)].id.clone()),
            estimate: Estimate {
                hours: Some((1 + rng.below(40)) as f64),
                ..Estimate::default()
            },
            notes: if rng.below(4) == 0 {
                "Needs a \"quoted\" review,\nthen sign-off.".to_owned()
            } else {
                String::new()
            },
            ..Task::default()
        };
        if rng.below(3) == 0 {
            task.checklist = vec![
                ChecklistItem::new("Works"),
                ChecklistItem {
                    text: "Tested".into(),
                    done: true,
                },
            ];
        }
        if i > 0 {
            let mut wanted = per_task.min(i);
            while wanted > 0 && edges_left > 0 {
                let target = TaskId(format!("T-{:05}", rng.below(i) + 1));
                if !task.depends_on.contains(&target) {
                    task.depends_on.push(target);
                    edges_left -= 1;
                }
                wanted -= 1;
            }
        }
        plan.tasks.push(task);
    }
    plan.milestones = (0..phase_count)
        .map(|i| Milestone {
            id: MilestoneId(format!("m{}", i + 1)),
            name: format!("Phase {} complete", i + 1),
            week: Some(i as u32 * 2 + 2),
            phases: vec![plan.phases[i].id.clone()],
            ..Milestone::default()
        })
        .collect();
    plan.velocity = (0..sprint_count.min(12))
        .map(|i| VelocityRecord {
            period: format!("Sprint {}", i + 1),
            sprint: Some(plan.sprints[i].id.clone()),
            planned: Some(20.0),
            completed: Some((10 + rng.below(12)) as f64),
            blocked: Some(rng.below(3) as f64),
            unit: "tasks".to_owned(),
            ..VelocityRecord::default()
        })
        .collect();
    plan
}
