//! Messages for the status bar: what just happened, and errors that need reading.

/// How a message should look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToastKind {
    /// Something happened as asked.
    Info,
    /// Something failed; the text says why.
    Error,
}

/// One message.
#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    /// What to say.
    pub text: String,
    /// Info or error.
    pub kind: ToastKind,
}

/// The messages of this session, newest last.
#[derive(Clone, Debug, Default)]
pub struct Toasts {
    messages: Vec<Toast>,
}

impl Toasts {
    /// Adds an information message.
    pub fn info(&mut self, text: impl Into<String>) {
        self.push(text.into(), ToastKind::Info);
    }

    /// Adds an error message.
    pub fn error(&mut self, text: impl Into<String>) {
        self.push(text.into(), ToastKind::Error);
    }

    fn push(&mut self, text: String, kind: ToastKind) {
        self.messages.push(Toast { text, kind });
        if self.messages.len() > 50 {
            self.messages.remove(0);
        }
    }

    /// The newest message.
    pub fn latest(&self) -> Option<&Toast> {
        self.messages.last()
    }

    /// Every message kept, oldest first.
    pub fn all(&self) -> &[Toast] {
        &self.messages
    }
}
