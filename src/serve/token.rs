//! A room link's secret: 128 random bits from the operating system, written as 32 hexadecimal digits.
//! Tokens are security, not model randomness: they come from `getrandom`, never from the game's seeded
//! dice, so knowing the seed of a game tells nothing about its links.

use std::fmt;

/// One link's secret.
#[derive(Clone, PartialEq, Eq)]
pub struct Token([u8; 16]);

impl Token {
    /// A fresh token from the operating system's random source.
    pub fn random() -> std::io::Result<Token> {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(format!("no random source for a token: {e}")))?;
        Ok(Token(bytes))
    }

    /// Reads 32 hexadecimal digits (either case); anything else is not a token.
    pub fn parse(text: &str) -> Option<Token> {
        if text.len() != 32 || !text.is_ascii() {
            return None;
        }
        let mut bytes = [0u8; 16];
        for (i, byte) in bytes.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
        }
        Some(Token(bytes))
    }

    /// Compares in constant time, so the time a refusal takes does not tell how many leading bytes of
    /// a guessed token were right.
    pub fn same_as(&self, other: &Token) -> bool {
        self.0.iter().zip(other.0.iter()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}

/// Never printed by `{:?}`: a token in a debug message or a panic would leak a link.
impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_reads_back_from_its_text_and_two_tokens_differ() {
        let a = Token::random().unwrap();
        let b = Token::random().unwrap();
        assert!(!a.same_as(&b));
        let text = a.to_string();
        assert_eq!(text.len(), 32);
        assert!(Token::parse(&text).unwrap().same_as(&a));
        assert!(Token::parse(&text.to_uppercase()).unwrap().same_as(&a));
        assert!(Token::parse(&text[1..]).is_none());
        assert!(Token::parse(&format!("{}zz", &text[2..])).is_none());
        assert_eq!(format!("{a:?}"), "Token(…)");
    }
}
