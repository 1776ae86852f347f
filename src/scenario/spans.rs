//! Where each value of a RON file stands.
//!
//! serde keeps no positions for values, so a semantic problem found on the typed scenario (an unknown
//! actor id in `actors[3].ties[0]`) is located by walking the same path through this light structural
//! parse of the text. It runs only on text that `ron` already accepted, so it can be lenient: anything
//! it does not understand becomes an opaque atom.

/// One step of a path into the file: a named field, or a position in a list or tuple.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Field(&'static str),
    Index(usize),
}

impl From<&'static str> for Seg {
    fn from(name: &'static str) -> Self {
        Seg::Field(name)
    }
}

impl From<usize> for Seg {
    fn from(i: usize) -> Self {
        Seg::Index(i)
    }
}

/// A path into the file, e.g. `path!["actors", 3, "ties", 0, 0]`.
#[macro_export]
macro_rules! path {
    ($($seg:expr),* $(,)?) => { [$($crate::scenario::spans::Seg::from($seg)),*] };
}

#[derive(Debug, Clone)]
enum Node {
    /// `Name(field: value, ..)` or `(field: value, ..)`.
    Struct {
        fields: Vec<(String, usize, Node)>,
        span: (usize, usize),
    },
    /// `Name(a, b)`, `(a, b)`.
    Tuple {
        name: Option<String>,
        items: Vec<Node>,
        span: (usize, usize),
    },
    List {
        items: Vec<Node>,
        span: (usize, usize),
    },
    Map {
        entries: Vec<(Node, Node)>,
        span: (usize, usize),
    },
    Atom {
        span: (usize, usize),
    },
}

impl Node {
    fn span(&self) -> (usize, usize) {
        match self {
            Node::Struct { span, .. }
            | Node::Tuple { span, .. }
            | Node::List { span, .. }
            | Node::Map { span, .. }
            | Node::Atom { span } => *span,
        }
    }

    /// `Some(x)` is transparent: paths are written as if implicit `Some` were used.
    fn unwrap_some(&self) -> &Node {
        match self {
            Node::Tuple { name: Some(n), items, .. } if n == "Some" && items.len() == 1 => items[0].unwrap_some(),
            other => other,
        }
    }
}

/// The structure of a RON text with byte spans.
#[derive(Debug, Clone)]
pub struct SpanIndex {
    root: Node,
    line_starts: Vec<usize>,
}

impl SpanIndex {
    pub fn parse(text: &str) -> SpanIndex {
        let mut p = Parser { s: text.as_bytes(), i: 0, depth: 0 };
        p.skip_trivia();
        let root = p.value();
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        SpanIndex { root, line_starts }
    }

    /// The 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset)
    }

    /// The span of the value at `path`, or of the deepest part of the path that exists (a defaulted
    /// field points at the struct it is missing from).
    pub fn span(&self, path: &[Seg]) -> (usize, usize) {
        let mut node = self.root.unwrap_some();
        for seg in path {
            let next = match (node, seg) {
                (Node::Struct { fields, .. }, Seg::Field(name)) => {
                    fields.iter().find(|(f, _, _)| f == name).map(|(_, _, v)| v)
                }
                (Node::Tuple { items, .. } | Node::List { items, .. }, Seg::Index(i)) => items.get(*i),
                (Node::Map { entries, .. }, Seg::Index(i)) => entries.get(*i).map(|(_, v)| v),
                _ => None,
            };
            match next {
                Some(n) => node = n.unwrap_some(),
                None => break,
            }
        }
        node.span()
    }
}

/// Deep enough for any real scenario; ron itself refuses deeper nesting before we get here.
const MAX_DEPTH: usize = 256;

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn skip_trivia(&mut self) {
        loop {
            match self.peek() {
                Some(c) if c.is_ascii_whitespace() => self.i += 1,
                Some(b'/') if self.s.get(self.i + 1) == Some(&b'/') => {
                    while self.peek().is_some_and(|c| c != b'\n') {
                        self.i += 1;
                    }
                }
                Some(b'/') if self.s.get(self.i + 1) == Some(&b'*') => {
                    self.i += 2;
                    let mut level = 1;
                    while level > 0 && self.i < self.s.len() {
                        if self.s[self.i..].starts_with(b"/*") {
                            level += 1;
                            self.i += 2;
                        } else if self.s[self.i..].starts_with(b"*/") {
                            level -= 1;
                            self.i += 2;
                        } else {
                            self.i += 1;
                        }
                    }
                }
                // `#![enable(..)]` extension attributes.
                Some(b'#') => {
                    while self.peek().is_some_and(|c| c != b']') {
                        self.i += 1;
                    }
                    self.i += 1;
                }
                _ => return,
            }
        }
    }

    fn value(&mut self) -> Node {
        let start = self.i;
        if self.depth > MAX_DEPTH {
            self.i = self.s.len();
            return Node::Atom { span: (start, start) };
        }
        match self.peek() {
            Some(b'(') => self.parenthesised(None, start),
            Some(b'[') => self.list(start),
            Some(b'{') => self.map(start),
            Some(b'"') => self.string(start),
            Some(b'r') if matches!(self.s.get(self.i + 1), Some(b'"' | b'#')) => self.raw_string(start),
            Some(b'b') if self.s.get(self.i + 1) == Some(&b'"') => {
                self.i += 1;
                self.string(start)
            }
            Some(b'\'') => self.char_literal(start),
            Some(c) if c.is_ascii_alphabetic() || c == b'_' => {
                let name = self.ident();
                self.skip_trivia();
                if self.peek() == Some(b'(') {
                    self.parenthesised(Some(name), start)
                } else {
                    Node::Atom { span: (start, self.i) }
                }
            }
            Some(_) => {
                // Numbers and anything unexpected: up to the next delimiter.
                while self.peek().is_some_and(|c| !b",)]}:".contains(&c) && !c.is_ascii_whitespace()) {
                    self.i += 1;
                }
                Node::Atom { span: (start, self.i.max(start + 1).min(self.s.len())) }
            }
            None => Node::Atom { span: (start, start) },
        }
    }

    fn ident(&mut self) -> String {
        let start = self.i;
        if self.s[self.i..].starts_with(b"r#") {
            self.i += 2;
        }
        while self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_') {
            self.i += 1;
        }
        String::from_utf8_lossy(&self.s[start..self.i]).into_owned()
    }

    fn parenthesised(&mut self, name: Option<String>, start: usize) -> Node {
        self.i += 1;
        self.depth += 1;
        self.skip_trivia();
        let is_struct = {
            let save = self.i;
            let looks = if self.peek().is_some_and(|c| c.is_ascii_alphabetic() || c == b'_') {
                self.ident();
                self.skip_trivia();
                self.peek() == Some(b':')
            } else {
                false
            };
            self.i = save;
            looks
        };
        let node = if is_struct {
            let mut fields = Vec::new();
            while self.peek().is_some_and(|c| c != b')') {
                let field_start = self.i;
                let field = self.ident();
                self.skip_trivia();
                if self.peek() == Some(b':') {
                    self.i += 1;
                }
                self.skip_trivia();
                let value = self.value();
                fields.push((field, field_start, value));
                if !self.separator(b')') {
                    break;
                }
            }
            self.i = (self.i + 1).min(self.s.len());
            Node::Struct { fields, span: (start, self.i) }
        } else {
            let items = self.items(b')');
            Node::Tuple { name, items, span: (start, self.i) }
        };
        self.depth -= 1;
        node
    }

    fn list(&mut self, start: usize) -> Node {
        self.i += 1;
        self.depth += 1;
        self.skip_trivia();
        let items = self.items(b']');
        self.depth -= 1;
        Node::List { items, span: (start, self.i) }
    }

    fn items(&mut self, close: u8) -> Vec<Node> {
        let mut items = Vec::new();
        while self.peek().is_some_and(|c| c != close) {
            items.push(self.value());
            if !self.separator(close) {
                break;
            }
        }
        self.i = (self.i + 1).min(self.s.len());
        items
    }

    fn map(&mut self, start: usize) -> Node {
        self.i += 1;
        self.depth += 1;
        self.skip_trivia();
        let mut entries = Vec::new();
        while self.peek().is_some_and(|c| c != b'}') {
            let key = self.value();
            self.skip_trivia();
            if self.peek() == Some(b':') {
                self.i += 1;
            }
            self.skip_trivia();
            let value = self.value();
            entries.push((key, value));
            if !self.separator(b'}') {
                break;
            }
        }
        self.i = (self.i + 1).min(self.s.len());
        self.depth -= 1;
        Node::Map { entries, span: (start, self.i) }
    }

    /// After an item: skip a comma; `false` when the list ends (or the text is not understood).
    fn separator(&mut self, close: u8) -> bool {
        self.skip_trivia();
        match self.peek() {
            Some(b',') => {
                self.i += 1;
                self.skip_trivia();
                true
            }
            Some(c) if c == close => true,
            _ => false,
        }
    }

    fn string(&mut self, start: usize) -> Node {
        self.i += 1;
        while let Some(c) = self.peek() {
            self.i += 1;
            match c {
                b'\\' => self.i += 1,
                b'"' => break,
                _ => {}
            }
        }
        self.i = self.i.min(self.s.len());
        Node::Atom { span: (start, self.i) }
    }

    fn raw_string(&mut self, start: usize) -> Node {
        self.i += 1;
        let mut hashes = 0;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.i += 1;
        }
        self.i += 1;
        let mut close = vec![b'"'];
        close.extend(std::iter::repeat_n(b'#', hashes));
        while self.i < self.s.len() && !self.s[self.i..].starts_with(&close) {
            self.i += 1;
        }
        self.i = (self.i + close.len()).min(self.s.len());
        Node::Atom { span: (start, self.i) }
    }

    fn char_literal(&mut self, start: usize) -> Node {
        self.i += 1;
        if self.peek() == Some(b'\\') {
            self.i += 1;
        }
        while self.peek().is_some_and(|c| c != b'\'') {
            self.i += 1;
        }
        self.i = (self.i + 1).min(self.s.len());
        Node::Atom { span: (start, self.i) }
    }
}
