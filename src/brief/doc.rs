//! A tiny document model for the sheets: built once, rendered as Markdown and as printable HTML.

/// A run of text within a line.
#[derive(Debug, Clone, PartialEq)]
pub enum Span {
    Text(String),
    Strong(String),
    Em(String),
    /// An id as written in the scenario file.
    Code(String),
    /// A web address: a link in Markdown, plain text without the scheme on the printable page.
    Url(String),
    /// A link to another sheet of the same set (a relative file name).
    Link {
        text: String,
        href: String,
    },
}

/// One line of mixed text.
pub type Line = Vec<Span>;

pub fn text(s: impl Into<String>) -> Span {
    Span::Text(s.into())
}

pub fn strong(s: impl Into<String>) -> Span {
    Span::Strong(s.into())
}

pub fn em(s: impl Into<String>) -> Span {
    Span::Em(s.into())
}

pub fn code(s: impl Into<String>) -> Span {
    Span::Code(s.into())
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Level 1 to 3.
    Heading(u8, String),
    Para(Line),
    /// A quiet italic line: a subtitle, a hint.
    Note(Line),
    /// Scenario prose: paragraphs separated by blank lines, kept as written.
    Prose(String),
    Bullets(Vec<Line>),
    Numbered(Vec<Line>),
    Table {
        head: Vec<String>,
        rows: Vec<Vec<Line>>,
    },
    /// On paper, what follows starts on a new page.
    PageBreak,
}

/// One printable sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The page title (the first heading repeats it).
    pub title: String,
    /// The language of the texts, e.g. `en`.
    pub lang: String,
    pub blocks: Vec<Block>,
    /// A card is set tighter than a sheet, so that it keeps to its one printed page.
    pub card: bool,
}

impl Sheet {
    pub fn new(title: impl Into<String>, lang: &str) -> Self {
        let title = title.into();
        Sheet { blocks: vec![Block::Heading(1, title.clone())], title, lang: lang.to_string(), card: false }
    }

    pub fn h2(&mut self, s: impl Into<String>) {
        self.blocks.push(Block::Heading(2, s.into()));
    }

    pub fn h3(&mut self, s: impl Into<String>) {
        self.blocks.push(Block::Heading(3, s.into()));
    }

    pub fn para(&mut self, line: Line) {
        self.blocks.push(Block::Para(line));
    }

    pub fn note(&mut self, line: Line) {
        self.blocks.push(Block::Note(line));
    }

    pub fn prose(&mut self, s: &str) {
        self.blocks.push(Block::Prose(s.trim().to_string()));
    }

    pub fn bullets(&mut self, items: Vec<Line>) {
        if !items.is_empty() {
            self.blocks.push(Block::Bullets(items));
        }
    }

    pub fn numbered(&mut self, items: Vec<Line>) {
        if !items.is_empty() {
            self.blocks.push(Block::Numbered(items));
        }
    }

    pub fn table(&mut self, head: &[&str], rows: Vec<Vec<Line>>) {
        self.blocks.push(Block::Table { head: head.iter().map(|h| h.to_string()).collect(), rows });
    }

    pub fn page_break(&mut self) {
        self.blocks.push(Block::PageBreak);
    }
}

/// The text of a line without any markup, e.g. for a table cell that must stay on one line.
pub fn plain(line: &[Span]) -> String {
    line.iter()
        .map(|s| match s {
            Span::Text(t) | Span::Strong(t) | Span::Em(t) | Span::Code(t) | Span::Url(t) => t.as_str(),
            Span::Link { text, .. } => text.as_str(),
        })
        .collect()
}
