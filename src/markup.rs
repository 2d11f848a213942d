//! Static markup written as text, for content with no behaviour (the help
//! page). One string, set as the inner HTML of an element, costs far less
//! wasm than the code that creates the same elements one by one. Every
//! text and attribute value is escaped; tags and classes are the caller's
//! constants.

#[derive(Default)]
pub struct Markup(String);

impl Markup {
    pub fn new() -> Self {
        Markup::default()
    }

    /// `<tag class="class">` (no class attribute when `class` is empty).
    pub fn open(&mut self, tag: &str, class: &str) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        if !class.is_empty() {
            self.attr("class", class);
        }
        self.0.push('>');
        self
    }

    /// `<tag name="value">`, for an element with one attribute other than
    /// a class.
    pub fn open_with(&mut self, tag: &str, name: &str, value: &str) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        self.attr(name, value);
        self.0.push('>');
        self
    }

    /// The NHS warning callout's label: "Important: " for screen readers,
    /// then `label`, read as one phrase (`role="text"`).
    pub fn callout_label(&mut self, important: &str, label: &str) -> &mut Self {
        self.open("h2", "nhsuk-warning-callout__label")
            .open_with("span", "role", "text")
            .el("span", "nhsuk-u-visually-hidden", important)
            .text(label)
            .close("span")
            .close("h2")
    }

    /// Paragraphs or list items, each holding only text.
    pub fn each(&mut self, tag: &str, class: &str, items: &[&str]) -> &mut Self {
        for item in items {
            self.el(tag, class, item);
        }
        self
    }

    pub fn close(&mut self, tag: &str) -> &mut Self {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    pub fn text(&mut self, text: &str) -> &mut Self {
        escape_into(&mut self.0, text);
        self
    }

    /// An element holding only text.
    pub fn el(&mut self, tag: &str, class: &str, text: &str) -> &mut Self {
        self.open(tag, class).text(text).close(tag)
    }

    /// `<a href="href">text</a>`.
    pub fn link(&mut self, href: &str, text: &str) -> &mut Self {
        self.0.push_str("<a");
        self.attr("href", href);
        self.0.push('>');
        self.text(text).close("a")
    }

    pub fn finish(&mut self) -> String {
        std::mem::take(&mut self.0)
    }

    fn attr(&mut self, name: &str, value: &str) {
        self.0.push(' ');
        self.0.push_str(name);
        self.0.push_str("=\"");
        escape_into(&mut self.0, value);
        self.0.push('"');
    }
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attribute_values() {
        let html = Markup::new()
            .open("p", "nhsuk-body")
            .text("Tom & Jerry's <b>\"show\"</b>")
            .close("p")
            .link("/a?x=1&y=\"2\"", "<go>")
            .finish();
        assert_eq!(
            html,
            "<p class=\"nhsuk-body\">Tom &amp; Jerry&#39;s &lt;b&gt;&quot;show&quot;&lt;/b&gt;</p>\
             <a href=\"/a?x=1&amp;y=&quot;2&quot;\">&lt;go&gt;</a>"
        );
    }

    #[test]
    fn writes_the_callout_label_and_lists() {
        let html = Markup::new()
            .callout_label("Important: ", "Read this")
            .open("ul", "l")
            .each("li", "", &["a", "b"])
            .close("ul")
            .finish();
        assert_eq!(
            html,
            "<h2 class=\"nhsuk-warning-callout__label\"><span role=\"text\">\
             <span class=\"nhsuk-u-visually-hidden\">Important: </span>Read this</span></h2>\
             <ul class=\"l\"><li>a</li><li>b</li></ul>"
        );
    }

    #[test]
    fn elements_without_a_class_have_no_class_attribute() {
        assert_eq!(Markup::new().el("li", "", "one").finish(), "<li>one</li>");
    }
}
