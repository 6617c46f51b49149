//! The scene: a flat list of drawing primitives in points, with what each one stands for.

pub use super::font::Weight;

/// A colour with alpha, 0–255 per channel (not premultiplied).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Rgba(pub [u8; 4]);

impl Rgba {
    /// An opaque colour.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self([r, g, b, 255])
    }

    /// The same colour with another alpha.
    #[must_use]
    pub const fn alpha(self, alpha: u8) -> Self {
        let [r, g, b, _] = self.0;
        Self([r, g, b, alpha])
    }

    /// Perceived lightness, 0 (black) to 1 (white).
    pub fn lightness(self) -> f32 {
        let [r, g, b, _] = self.0;
        (0.299 * f32::from(r) + 0.587 * f32::from(g) + 0.114 * f32::from(b)) / 255.0
    }
}

/// A point, in points from the scene's top-left corner.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Point {
    /// Rightwards.
    pub x: f32,
    /// Downwards.
    pub y: f32,
}

impl Point {
    /// A point.
    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }
}

/// An axis-aligned rectangle.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    /// Top-left corner.
    pub min: Point,
    /// Bottom-right corner.
    pub max: Point,
}

impl Rect {
    /// A rectangle from its left, top, right and bottom edges.
    pub const fn from_edges(left: f32, top: f32, right: f32, bottom: f32) -> Self {
        Self {
            min: Point::new(left, top),
            max: Point::new(right, bottom),
        }
    }

    /// Width.
    pub fn width(&self) -> f32 {
        self.max.x - self.min.x
    }

    /// Height.
    pub fn height(&self) -> f32 {
        self.max.y - self.min.y
    }

    /// True when a point is inside (edges included).
    pub fn contains(&self, point: Point) -> bool {
        (self.min.x..=self.max.x).contains(&point.x) && (self.min.y..=self.max.y).contains(&point.y)
    }

    /// True when the two rectangles overlap.
    pub fn intersects(&self, other: &Self) -> bool {
        self.min.x <= other.max.x
            && other.min.x <= self.max.x
            && self.min.y <= other.max.y
            && other.min.y <= self.max.y
    }
}

/// A line style.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    /// Width in points.
    pub width: f32,
    /// Colour.
    pub color: Rgba,
    /// Dash length in points; `None` for a solid line.
    pub dash: Option<f32>,
}

impl Stroke {
    /// A solid line.
    pub const fn solid(width: f32, color: Rgba) -> Self {
        Self {
            width,
            color,
            dash: None,
        }
    }

    /// A dashed line.
    pub const fn dashed(width: f32, color: Rgba, dash: f32) -> Self {
        Self {
            width,
            color,
            dash: Some(dash),
        }
    }
}

/// Where a text's position is along the line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Anchor {
    /// The text starts at the position.
    #[default]
    Start,
    /// The text is centred on the position.
    Middle,
    /// The text ends at the position.
    End,
}

/// One drawing primitive.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A rectangle, filled and/or outlined, with rounded corners.
    Rect {
        /// Where.
        rect: Rect,
        /// Fill colour.
        fill: Option<Rgba>,
        /// Outline, drawn inside the rectangle.
        stroke: Option<Stroke>,
        /// Corner radius.
        radius: f32,
    },
    /// A line through points, optionally ending in an arrowhead.
    Line {
        /// The points, in order.
        points: Vec<Point>,
        /// Line style.
        stroke: Stroke,
        /// True to end in an arrowhead at the last point.
        arrow: bool,
    },
    /// A diamond (a milestone or a zero-length task).
    Diamond {
        /// Its centre.
        center: Point,
        /// From the centre to a corner.
        radius: f32,
        /// Fill colour.
        fill: Rgba,
        /// Outline.
        stroke: Option<Stroke>,
    },
    /// One line of text.
    Text {
        /// The anchor point: its `y` is the vertical middle of the line.
        pos: Point,
        /// The text.
        text: String,
        /// Font size in points.
        size: f32,
        /// Colour.
        color: Rgba,
        /// How the text sits on `pos`.
        anchor: Anchor,
        /// Regular or bold.
        weight: Weight,
    },
    /// Shapes drawn only inside a rectangle.
    Clip {
        /// The clip rectangle.
        rect: Rect,
        /// The shapes inside.
        items: Vec<Item>,
    },
}

/// What a primitive stands for, so the window can hit-test and label it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Hit {
    /// A task's bar (by index in `plan.tasks`).
    Task(usize),
    /// The right end of a task's bar, to change its length.
    TaskEnd(usize),
    /// The handle right of a task's bar, to draw a dependency from it.
    Connect(usize),
    /// A milestone (by index in `plan.milestones`).
    Milestone(usize),
    /// A phase's bar (by index in `plan.phases`).
    Phase(usize),
    /// A sprint (by index in `plan.sprints`).
    Sprint(usize),
    /// A group heading row (by row index).
    Group(usize),
    /// The right edge of a table column, to resize it (by column index).
    ColumnEdge(usize),
    /// A sprint's bars on the velocity chart (by index in `plan.sprints`).
    SprintBar(usize),
    /// A week's bar on the velocity chart (by index in the velocity report's weeks).
    WeekBar(usize),
    /// A day of a burndown chart (by index in the burndown's days).
    BurnDay(usize),
    /// A bar of the forecast histogram (by index in the forecast's buckets).
    ForecastBar(usize),
}

/// A primitive and what it stands for.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// The primitive.
    pub shape: Shape,
    /// What it stands for, when the window can act on it.
    pub hit: Option<Hit>,
    /// A label for assistive technology and tests ("PAY-002 Invoice dashboard, 12 Jan – 16 Jan").
    pub label: Option<String>,
}

/// A drawing: a size and primitives in painting order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// Background colour, when the scene paints one.
    pub background: Option<Rgba>,
    /// Primitives, first painted first.
    pub items: Vec<Item>,
}

impl Scene {
    /// An empty scene of a size.
    pub fn new(width: f32, height: f32, background: Option<Rgba>) -> Self {
        Self {
            width,
            height,
            background,
            items: Vec::new(),
        }
    }

    /// Adds a primitive that stands for nothing.
    pub fn push(&mut self, shape: Shape) {
        self.items.push(Item {
            shape,
            hit: None,
            label: None,
        });
    }

    /// Adds a primitive that stands for something.
    pub fn push_hit(&mut self, shape: Shape, hit: Hit, label: Option<String>) {
        self.items.push(Item {
            shape,
            hit: Some(hit),
            label,
        });
    }

    /// Adds text.
    pub fn text(
        &mut self,
        pos: Point,
        text: impl Into<String>,
        size: f32,
        color: Rgba,
        anchor: Anchor,
    ) {
        self.weighted_text(pos, text.into(), (size, Weight::Regular), color, anchor);
    }

    /// Adds bold text (titles and headings).
    pub fn bold_text(
        &mut self,
        pos: Point,
        text: impl Into<String>,
        size: f32,
        color: Rgba,
        anchor: Anchor,
    ) {
        self.weighted_text(pos, text.into(), (size, Weight::Bold), color, anchor);
    }

    fn weighted_text(
        &mut self,
        pos: Point,
        text: String,
        (size, weight): (f32, Weight),
        color: Rgba,
        anchor: Anchor,
    ) {
        self.push(Shape::Text {
            pos,
            text,
            size,
            color,
            anchor,
            weight,
        });
    }

    /// Every primitive, the contents of clip groups included, with the clip that applies.
    pub fn visit<'a>(&'a self, mut visit: impl FnMut(&'a Item, Option<&'a Rect>)) {
        walk(&self.items, None, &mut visit);
    }

    /// Every text in the scene, in painting order.
    pub fn texts(&self) -> Vec<&str> {
        let mut texts = Vec::new();
        self.visit(|item, _| {
            if let Shape::Text { text, .. } = &item.shape {
                texts.push(text.as_str());
            }
        });
        texts
    }

    /// The bounding rectangle of the primitive standing for `hit`.
    pub fn hit_rect(&self, hit: Hit) -> Option<Rect> {
        let mut found = None;
        self.visit(|item, _| {
            if found.is_none() && item.hit == Some(hit) {
                found = bounds(&item.shape);
            }
        });
        found
    }
}

/// Calls `visit` on every primitive under `items`, descending into clip groups.
fn walk<'a>(
    items: &'a [Item],
    clip: Option<&'a Rect>,
    visit: &mut impl FnMut(&'a Item, Option<&'a Rect>),
) {
    for item in items {
        match &item.shape {
            Shape::Clip { rect, items } => walk(items, Some(rect), visit),
            _ => visit(item, clip),
        }
    }
}

/// The bounding rectangle of a primitive (text: none, it is not hit-tested).
pub fn bounds(shape: &Shape) -> Option<Rect> {
    match shape {
        Shape::Rect { rect, .. } | Shape::Clip { rect, .. } => Some(*rect),
        Shape::Diamond { center, radius, .. } => Some(Rect::from_edges(
            center.x - radius,
            center.y - radius,
            center.x + radius,
            center.y + radius,
        )),
        Shape::Line { points, .. } => points.iter().fold(None, |acc: Option<Rect>, p| {
            Some(match acc {
                Some(r) => Rect::from_edges(
                    r.min.x.min(p.x),
                    r.min.y.min(p.y),
                    r.max.x.max(p.x),
                    r.max.y.max(p.y),
                ),
                None => Rect::from_edges(p.x, p.y, p.x, p.y),
            })
        }),
        Shape::Text { .. } => None,
    }
}

/// A uniform scale followed by a shift: how a drawing is placed on a page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Transform {
    /// Scale factor (sizes, widths and font sizes are multiplied by it).
    pub scale: f32,
    /// Rightward shift after scaling.
    pub dx: f32,
    /// Downward shift after scaling.
    pub dy: f32,
}

impl Transform {
    /// A point moved.
    pub fn point(&self, p: Point) -> Point {
        Point::new(p.x * self.scale + self.dx, p.y * self.scale + self.dy)
    }

    /// A rectangle moved.
    pub fn rect(&self, r: Rect) -> Rect {
        Rect {
            min: self.point(r.min),
            max: self.point(r.max),
        }
    }

    fn stroke(&self, stroke: Stroke) -> Stroke {
        Stroke {
            width: stroke.width * self.scale,
            color: stroke.color,
            dash: stroke.dash.map(|d| d * self.scale),
        }
    }

    /// A primitive moved and scaled, clip groups included.
    pub fn item(&self, item: &Item) -> Item {
        let shape = match &item.shape {
            Shape::Rect {
                rect,
                fill,
                stroke,
                radius,
            } => Shape::Rect {
                rect: self.rect(*rect),
                fill: *fill,
                stroke: stroke.map(|s| self.stroke(s)),
                radius: radius * self.scale,
            },
            Shape::Line {
                points,
                stroke,
                arrow,
            } => Shape::Line {
                points: points.iter().map(|p| self.point(*p)).collect(),
                stroke: self.stroke(*stroke),
                arrow: *arrow,
            },
            Shape::Diamond {
                center,
                radius,
                fill,
                stroke,
            } => Shape::Diamond {
                center: self.point(*center),
                radius: radius * self.scale,
                fill: *fill,
                stroke: stroke.map(|s| self.stroke(s)),
            },
            Shape::Text {
                pos,
                text,
                size,
                color,
                anchor,
                weight,
            } => Shape::Text {
                pos: self.point(*pos),
                text: text.clone(),
                size: size * self.scale,
                color: *color,
                anchor: *anchor,
                weight: *weight,
            },
            Shape::Clip { rect, items } => Shape::Clip {
                rect: self.rect(*rect),
                items: items.iter().map(|i| self.item(i)).collect(),
            },
        };
        Item {
            shape,
            hit: item.hit,
            label: item.label.clone(),
        }
    }
}

/// The corners of a diamond (top, right, bottom, left).
pub fn diamond_corners(center: Point, radius: f32) -> [Point; 4] {
    [
        Point::new(center.x, center.y - radius),
        Point::new(center.x + radius, center.y),
        Point::new(center.x, center.y + radius),
        Point::new(center.x - radius, center.y),
    ]
}

/// The three corners of the arrowhead that ends a line at `tip`, coming from `before`; it grows with
/// the line's width so it scales with the drawing.
pub fn arrowhead(before: Point, tip: Point, width: f32) -> [Point; 3] {
    let (dx, dy) = (tip.x - before.x, tip.y - before.y);
    let length = dx.hypot(dy).max(f32::EPSILON);
    let (ux, uy) = (dx / length, dy / length);
    let head = 6.0 * width.max(0.3);
    let (side_x, side_y) = (-uy * head / 2.0, ux * head / 2.0);
    let back = Point::new(tip.x - ux * head, tip.y - uy * head);
    [
        tip,
        Point::new(back.x + side_x, back.y + side_y),
        Point::new(back.x - side_x, back.y - side_y),
    ]
}
