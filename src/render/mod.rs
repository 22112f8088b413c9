//! Pictures: a [`Diagram`] drawn as SVG or PNG.
//!
//! Two engines draw:
//!
//! - **Graphviz**, when it is installed: the DOT text of
//!   [`export::dot`](crate::export::dot) goes to the `dot` program (found on
//!   `PATH`, or named by the environment variable `HALLYU_DOT`), which lays
//!   it out with `dot` or `neato` and writes SVG or PNG;
//! - the **built-in** renderer, pure Rust: people in a column, groups in
//!   the next, then works, then organisations (or columns by distance for
//!   paths), boxes in the same colours and edges in the same styles as the
//!   DOT export. It writes SVG, and PNG too with the Cargo feature `png`
//!   (the SVG rasterised by resvg, twice the size by default, see
//!   [`RenderOptions::scale`]).
//!
//! [`Engine::Auto`] (the default) uses Graphviz when it is found and the
//! built-in renderer otherwise, so SVG pictures can be made on any machine.
//! PNG needs Graphviz or the `png` feature, and, for Hangul, a Korean font
//! such as `fonts-nanum`.
//!
//! # Fonts for the built-in PNG
//!
//! With the `png` feature the built-in renderer draws text with the fonts of
//! the system's font directories (unless [`RenderOptions::system_fonts`]
//! turns them off), of the environment variable `HALLYU_FONT`
//! ([`FONT_ENV`]: font files or directories, separated like `PATH`), and of
//! [`RenderOptions::font_path`]. A picture with Hangul needs a face with
//! Korean glyphs: without one, and without any font at all, rendering fails
//! with an error that says how to fix it, rather than drawing a picture
//! without its text.
//!
//! # Example
//!
//! ```
//! use hallyu::export::{Diagram, NodeKind};
//! use hallyu::model::{RoleKind, WorkKind};
//! use hallyu::render::{self, Engine, RenderOptions};
//!
//! let mut d = Diagram::new("Haru Haru");
//! let a = d.add_node("bigbang", NodeKind::Group, "BIGBANG (빅뱅)");
//! let b = d.add_node("haru-haru", NodeKind::Work(WorkKind::MusicVideo), "Haru Haru (2008)");
//! d.add_edge(a, b, RoleKind::Performer, "");
//!
//! let picture = render::render(&d, &RenderOptions::new().engine(Engine::Builtin))?;
//! assert_eq!(picture.engine(), Engine::Builtin);
//! let svg = picture.as_str().expect("SVG is text");
//! assert!(svg.contains("BIGBANG (빅뱅)"));
//! # Ok::<(), hallyu::Error>(())
//! ```

mod builtin;
mod graphviz;
mod options;
#[cfg(feature = "png")]
mod png;

use std::path::Path;

pub use builtin::Layers;
pub use options::RenderOptions;

/// The width in pixels the built-in renderer gives a line of text at a font
/// size: the metrics its boxes, label placement and collision checks use,
/// so that a test or a caller can compute the same text boxes from its SVG.
///
/// # Example
///
/// ```
/// let latin = hallyu::render::text_width("Park", 13.0);
/// let hangul = hallyu::render::text_width("박서준", 13.0);
/// assert!(latin > 20.0 && hangul > latin);
/// ```
pub fn text_width(text: &str, size: f64) -> f64 {
    builtin::text::text_width(text, size)
}
pub use graphviz::{DEFAULT_TIMEOUT, DOT_ENV, Graphviz};

use crate::error::{Error, Result};
use crate::export::Diagram;
use crate::export::dot::{self, DotOptions};

/// The environment variable naming font files or directories (several
/// separated like `PATH`) for the built-in renderer's PNG (Cargo feature
/// `png`), besides the system's fonts: `HALLYU_FONT=/path/NanumGothic.ttf`.
///
/// # Example
///
/// ```
/// use hallyu::render::{self, Engine, Format, RenderOptions, FONT_ENV};
/// # use hallyu::export::{Diagram, NodeKind};
/// # use hallyu::model::{RoleKind, WorkKind};
/// # let mut d = Diagram::new("Palette");
/// # let iu = d.add_node("iu", NodeKind::Person, "IU");
/// # let mv = d.add_node("palette", NodeKind::Work(WorkKind::MusicVideo), "Palette (2017)");
/// # d.add_edge(iu, mv, RoleKind::Performer, "");
///
/// assert_eq!(FONT_ENV, "HALLYU_FONT");
/// let no_fonts = RenderOptions::new().engine(Engine::Builtin).format(Format::Png).system_fonts(false);
/// // With the `png` feature, and the variable unset, no font is found at all.
/// #[cfg(feature = "png")]
/// if std::env::var_os(FONT_ENV).is_none() {
///     let err = render::render(&d, &no_fonts).unwrap_err();
///     assert!(err.to_string().contains("name a font file or directory with HALLYU_FONT=/path/font.ttf"));
/// }
/// ```
pub const FONT_ENV: &str = "HALLYU_FONT";

/// How many PNG pixels the built-in renderer draws per SVG unit by default.
///
/// # Example
///
/// ```
/// use hallyu::render::{RenderOptions, DEFAULT_SCALE};
///
/// assert_eq!(DEFAULT_SCALE, 2); // a 100×50 SVG becomes a 200×100 PNG
/// assert_eq!(RenderOptions::new().get_scale(), DEFAULT_SCALE);
/// ```
pub const DEFAULT_SCALE: u32 = 2;

/// Which program draws the picture.
///
/// # Example
///
/// ```
/// use hallyu::render::{self, Engine, RenderOptions};
/// # use hallyu::export::{Diagram, NodeKind};
/// # use hallyu::model::{RoleKind, WorkKind};
/// # let mut d = Diagram::new("Palette");
/// # let iu = d.add_node("iu", NodeKind::Person, "IU");
/// # let mv = d.add_node("palette", NodeKind::Work(WorkKind::MusicVideo), "Palette (2017)");
/// # d.add_edge(iu, mv, RoleKind::Performer, "");
///
/// assert_eq!(Engine::default(), Engine::Auto);
/// // Auto draws with Graphviz when it is installed, else with the built-in renderer.
/// let picture = render::render(&d, &RenderOptions::new())?;
/// assert!(matches!(picture.engine(), Engine::Graphviz | Engine::Builtin));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Engine {
    /// Graphviz when it is installed, else the built-in renderer (SVG, and
    /// PNG with the `png` feature).
    #[default]
    Auto,
    /// Graphviz's `dot` program; an error when it is missing.
    Graphviz,
    /// The built-in pure-Rust renderer (SVG, and PNG with the `png` feature).
    Builtin,
}

/// The one message for PNG asked of a build without its built-in PNG
/// encoder: in the command's words (flags), not the library's types.
#[cfg_attr(feature = "png", allow(dead_code))]
const NO_PNG: &str = "this build of hallyu draws PNG only through Graphviz: install Graphviz \
                      (`apt-get install graphviz`, `brew install graphviz`) or draw SVG \
                      (--format svg)";

impl Engine {
    /// The engine's name: `auto`, `graphviz` or `builtin`.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::render::Engine;
    ///
    /// assert_eq!(Engine::Builtin.name(), "builtin");
    /// assert_eq!(Engine::Graphviz.name(), "graphviz");
    /// assert_eq!(Engine::Auto.name(), "auto");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Engine::Auto => "auto",
            Engine::Graphviz => "graphviz",
            Engine::Builtin => "builtin",
        }
    }
}

/// The picture format.
///
/// # Example
///
/// ```
/// use hallyu::render::{self, Engine, Format, RenderOptions};
/// # use hallyu::export::{Diagram, NodeKind};
/// # use hallyu::model::{RoleKind, WorkKind};
/// # let mut d = Diagram::new("Palette");
/// # let iu = d.add_node("iu", NodeKind::Person, "IU");
/// # let mv = d.add_node("palette", NodeKind::Work(WorkKind::MusicVideo), "Palette (2017)");
/// # d.add_edge(iu, mv, RoleKind::Performer, "");
///
/// assert_eq!(Format::default(), Format::Svg);
/// let picture = render::render(&d, &RenderOptions::new().engine(Engine::Builtin))?;
/// assert_eq!(picture.format(), Format::Svg);
/// assert!(picture.as_str().unwrap().contains("<svg"));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// SVG: text, scalable; labels stay text, so the viewer's fonts apply.
    #[default]
    Svg,
    /// PNG: pixels, made by Graphviz, or by the built-in renderer with the
    /// `png` feature.
    Png,
}

impl Format {
    /// The usual file extension: `svg` or `png`.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::render::Format;
    ///
    /// let file = format!("palette.{}", Format::Png.extension());
    /// assert_eq!(file, "palette.png");
    /// assert_eq!(Format::from_path(&file), Some(Format::Png));
    /// assert_eq!(Format::Svg.extension(), "svg");
    /// ```
    pub fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
        }
    }

    /// The format a file name asks for, from its extension (any case).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::render::Format;
    ///
    /// assert_eq!(Format::from_path("out/haru.PNG"), Some(Format::Png));
    /// assert_eq!(Format::from_path("haru.svg"), Some(Format::Svg));
    /// assert_eq!(Format::from_path("haru.dot"), None);
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Option<Format> {
        let ext = path.as_ref().extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "svg" => Some(Format::Svg),
            "png" => Some(Format::Png),
            _ => None,
        }
    }

    fn graphviz_name(self) -> &'static str {
        self.extension()
    }

    /// Whether bytes have this format's shape: an SVG document (after an
    /// optional XML prolog, `<svg` … `</svg>`), or a PNG signature.
    fn looks_like(self, bytes: &[u8]) -> bool {
        match self {
            Format::Svg => {
                let text = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
                let tail = String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(64)..]);
                text.contains("<svg") && tail.trim_end().ends_with("</svg>")
            }
            Format::Png => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        }
    }
}

/// A picture: its bytes, the engine that drew it, and warnings.
///
/// Created by [`render`] and [`Renderer::render`].
///
/// # Example
///
/// ```
/// use hallyu::render::{self, Engine, Format, RenderOptions};
/// # use hallyu::export::{Diagram, NodeKind};
/// # use hallyu::model::{RoleKind, WorkKind};
/// # let mut d = Diagram::new("Palette");
/// # let iu = d.add_node("iu", NodeKind::Person, "IU");
/// # let mv = d.add_node("palette", NodeKind::Work(WorkKind::MusicVideo), "Palette (2017)");
/// # d.add_edge(iu, mv, RoleKind::Performer, "");
///
/// let picture = render::render(&d, &RenderOptions::new().engine(Engine::Builtin))?;
/// assert_eq!((picture.engine(), picture.format()), (Engine::Builtin, Format::Svg));
/// assert!(picture.as_str().unwrap().contains("Palette (2017)"));
/// assert!(picture.warnings().is_empty());
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    bytes: Vec<u8>,
    engine: Engine,
    format: Format,
    warnings: Vec<String>,
}

impl Rendered {
    /// The picture's bytes (SVG text or PNG data).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::render::{self, Engine, RenderOptions};
    /// # use hallyu::export::{Diagram, NodeKind};
    /// # use hallyu::model::{RoleKind, WorkKind};
    /// # let mut d = Diagram::new("Palette");
    /// # let iu = d.add_node("iu", NodeKind::Person, "IU");
    /// # let mv = d.add_node("palette", NodeKind::Work(WorkKind::MusicVideo), "Palette (2017)");
    /// # d.add_edge(iu, mv, RoleKind::Performer, "");
    ///
    /// let picture = render::render(&d, &RenderOptions::new().engine(Engine::Builtin))?;
    /// assert!(picture.bytes().ends_with(b"</svg>\n"));
    /// assert_eq!(std::str::from_utf8(picture.bytes()).ok(), picture.as_str());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The picture's bytes, taken.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::render::{self, Engine, RenderOptions};
    /// # use hallyu::export::{Diagram, NodeKind};
    /// # use hallyu::model::{RoleKind, WorkKind};
    /// # let mut d = Diagram::new("Palette");
    /// # let iu = d.add_node("iu", NodeKind::Person, "IU");
    /// # let mv = d.add_node("palette", NodeKind::Work(WorkKind::MusicVideo), "Palette (2017)");
    /// # d.add_edge(iu, mv, RoleKind::Performer, "");
    ///
    /// let picture = render::render(&d, &RenderOptions::new().engine(Engine::Builtin))?;
    /// let len = picture.bytes().len();
    /// let bytes: Vec<u8> = picture.into_bytes();
    /// assert_eq!(bytes.len(), len);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    /// The SVG text; `None` for PNG.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::render::{self, Engine, RenderOptions};
    /// # use hallyu::export::{Diagram, NodeKind};
    /// # use hallyu::model::{RoleKind, WorkKind};
    /// # let mut d = Diagram::new("Palette");
    /// # let iu = d.add_node("iu", NodeKind::Person, "IU");
    /// # let mv = d.add_node("palette", NodeKind::Work(WorkKind::MusicVideo), "Palette (2017)");
    /// # d.add_edge(iu, mv, RoleKind::Performer, "");
    ///
    /// let picture = render::render(&d, &RenderOptions::new().engine(Engine::Builtin))?;
    /// let svg = picture.as_str().expect("SVG is text");
    /// assert!(svg.contains(">IU<"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn as_str(&self) -> Option<&str> {
        match self.format {
            Format::Svg => std::str::from_utf8(&self.bytes).ok(),
            Format::Png => None,
        }
    }

    /// The engine that drew it: [`Engine::Graphviz`] or [`Engine::Builtin`],
    /// never [`Engine::Auto`].
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::render::{self, Engine, RenderOptions};
    /// # use hallyu::export::{Diagram, NodeKind};
    /// # use hallyu::model::{RoleKind, WorkKind};
    /// # let mut d = Diagram::new("Palette");
    /// # let iu = d.add_node("iu", NodeKind::Person, "IU");
    /// # let mv = d.add_node("palette", NodeKind::Work(WorkKind::MusicVideo), "Palette (2017)");
    /// # d.add_edge(iu, mv, RoleKind::Performer, "");
    ///
    /// let picture = render::render(&d, &RenderOptions::new())?; // Engine::Auto
    /// assert_ne!(picture.engine(), Engine::Auto); // the engine that drew it
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// The picture's format.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::render::{self, Engine, Format, RenderOptions};
    /// # use hallyu::export::{Diagram, NodeKind};
    /// # use hallyu::model::{RoleKind, WorkKind};
    /// # let mut d = Diagram::new("Palette");
    /// # let iu = d.add_node("iu", NodeKind::Person, "IU");
    /// # let mv = d.add_node("palette", NodeKind::Work(WorkKind::MusicVideo), "Palette (2017)");
    /// # d.add_edge(iu, mv, RoleKind::Performer, "");
    ///
    /// let picture = render::render(&d, &RenderOptions::new().engine(Engine::Builtin))?;
    /// assert_eq!(picture.format(), Format::Svg);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn format(&self) -> Format {
        self.format
    }

    /// What the engine warned about (Graphviz's messages, skipped edges, a
    /// fallback to the built-in renderer, a missing Korean font).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::render::{self, Engine, RenderOptions};
    /// # use hallyu::export::{Diagram, NodeKind};
    /// # use hallyu::model::{RoleKind, WorkKind};
    /// # let mut d = Diagram::new("Palette");
    /// # let iu = d.add_node("iu", NodeKind::Person, "IU");
    /// # let mv = d.add_node("palette", NodeKind::Work(WorkKind::MusicVideo), "Palette (2017)");
    /// # d.add_edge(iu, mv, RoleKind::Performer, "");
    ///
    /// d.add_edge(iu, 7, RoleKind::Performer, ""); // there is no node 7
    /// let picture = render::render(&d, &RenderOptions::new().engine(Engine::Builtin))?;
    /// assert_eq!(picture.warnings(), ["edge 1 (0 -> 7) refers to a node that does not exist (the diagram has 2 nodes); skipped"]);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Writes the picture to a file.
    ///
    /// # Errors
    ///
    /// When the file cannot be written.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::render::{self, Engine, RenderOptions};
    /// # use hallyu::export::{Diagram, NodeKind};
    /// # use hallyu::model::{RoleKind, WorkKind};
    /// # let mut d = Diagram::new("Palette");
    /// # let iu = d.add_node("iu", NodeKind::Person, "IU");
    /// # let mv = d.add_node("palette", NodeKind::Work(WorkKind::MusicVideo), "Palette (2017)");
    /// # d.add_edge(iu, mv, RoleKind::Performer, "");
    ///
    /// let picture = render::render(&d, &RenderOptions::new().engine(Engine::Builtin))?;
    /// let path = std::env::temp_dir().join(format!("hallyu-doc-write-{}.svg", std::process::id()));
    /// picture.write_to(&path)?;
    /// assert_eq!(std::fs::read(&path).unwrap(), picture.bytes());
    /// std::fs::remove_file(&path).unwrap();
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn write_to(&self, path: impl AsRef<Path>) -> Result<()> {
        let path = path.as_ref();
        std::fs::write(path, &self.bytes)
            .map_err(|e| Error::render(format!("cannot write {}: {e}", path.display())))
    }
}

/// Draws diagrams with fixed options; finds Graphviz once.
///
/// # Example
///
/// ```
/// use hallyu::export::{Diagram, NodeKind};
/// use hallyu::render::{Engine, RenderOptions, Renderer};
///
/// let renderer = Renderer::new(RenderOptions::new().engine(Engine::Builtin));
/// let mut d = Diagram::new("IU");
/// d.add_node("iu", NodeKind::Person, "IU (아이유)");
/// let picture = renderer.render(&d)?;
/// assert!(picture.as_str().is_some_and(|svg| svg.contains("아이유")));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Renderer {
    options: RenderOptions,
    graphviz: std::result::Result<Graphviz, Error>,
    /// The fonts of the built-in PNG, loaded on first use.
    #[cfg(feature = "png")]
    fonts: std::sync::OnceLock<std::result::Result<png::Fonts, Error>>,
}

impl Renderer {
    /// A renderer with these options. Graphviz is looked for now (or the one
    /// the options name is checked) unless the engine is [`Engine::Builtin`].
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::render::{Engine, Graphviz, RenderOptions, Renderer};
    /// # use hallyu::export::{Diagram, NodeKind};
    /// # use hallyu::model::{RoleKind, WorkKind};
    /// # let mut d = Diagram::new("Palette");
    /// # let iu = d.add_node("iu", NodeKind::Person, "IU");
    /// # let mv = d.add_node("palette", NodeKind::Work(WorkKind::MusicVideo), "Palette (2017)");
    /// # d.add_edge(iu, mv, RoleKind::Performer, "");
    ///
    /// // Graphviz is looked for once, here: this one is missing, so Auto draws built-in.
    /// let renderer = Renderer::new(RenderOptions::new().graphviz(Graphviz::at("/no/such/dot")));
    /// for _ in 0..2 {
    ///     assert_eq!(renderer.render(&d)?.engine(), Engine::Builtin);
    /// }
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn new(options: RenderOptions) -> Renderer {
        let graphviz = match (&options.graphviz, options.engine) {
            (_, Engine::Builtin) => Err(Error::render("Graphviz not wanted")),
            (Some(g), _) => g.check().map(|()| g.clone()),
            (None, _) => Graphviz::find(),
        };
        Renderer {
            options,
            graphviz,
            #[cfg(feature = "png")]
            fonts: std::sync::OnceLock::new(),
        }
    }

    /// The options.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::render::{Engine, RenderOptions, Renderer};
    ///
    /// let renderer = Renderer::new(RenderOptions::new().engine(Engine::Builtin).scale(3));
    /// assert_eq!(renderer.options().get_engine(), Engine::Builtin);
    /// assert_eq!(renderer.options().get_scale(), 3);
    /// ```
    pub fn options(&self) -> &RenderOptions {
        &self.options
    }

    /// Draws a diagram.
    ///
    /// Edges whose ends are not nodes of the diagram are skipped, with a
    /// warning.
    ///
    /// # Errors
    ///
    /// - [`Engine::Graphviz`] when Graphviz is missing or fails;
    /// - [`Format::Png`] without Graphviz, unless the `png` feature is on;
    /// - [`Format::Png`] from the built-in renderer without the `png`
    ///   feature, or when no font is found, or no Korean font for a picture
    ///   with Hangul.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::export::View;
    /// use hallyu::render::{Engine, RenderOptions, Renderer};
    ///
    /// let explorer = Explorer::bundled();
    /// let kiss = explorer.work("Kiss")?;
    /// let renderer = Renderer::new(RenderOptions::new().engine(Engine::Builtin));
    /// let picture = renderer.render(&View::work(kiss).diagram(&explorer)?)?;
    /// assert!(picture.as_str().unwrap().contains("Lee Min-ho"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn render(&self, diagram: &Diagram) -> Result<Rendered> {
        let format = self.options.format;
        match (self.options.engine, &self.graphviz) {
            (Engine::Builtin, _) => self.builtin(diagram, Vec::new()),
            (Engine::Graphviz, Ok(g)) | (Engine::Auto, Ok(g)) => self.graphviz(g, diagram),
            (Engine::Graphviz, Err(e)) => Err(e.clone()),
            (Engine::Auto, Err(e)) => match format {
                Format::Svg => self.builtin(
                    diagram,
                    vec![format!("{e}; drawn with the built-in renderer")],
                ),
                Format::Png if cfg!(feature = "png") => self.builtin(
                    diagram,
                    vec![format!("{e}; drawn with the built-in renderer")],
                ),
                Format::Png => Err(Error::render(format!("{e}; {NO_PNG}"))),
            },
        }
    }

    /// Draws a diagram and writes it to a file.
    ///
    /// # Errors
    ///
    /// As [`Renderer::render`], and when the file cannot be written.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::render::{Engine, RenderOptions, Renderer};
    /// # use hallyu::export::{Diagram, NodeKind};
    /// # use hallyu::model::{RoleKind, WorkKind};
    /// # let mut d = Diagram::new("Palette");
    /// # let iu = d.add_node("iu", NodeKind::Person, "IU");
    /// # let mv = d.add_node("palette", NodeKind::Work(WorkKind::MusicVideo), "Palette (2017)");
    /// # d.add_edge(iu, mv, RoleKind::Performer, "");
    ///
    /// let renderer = Renderer::new(RenderOptions::new().engine(Engine::Builtin));
    /// let path = std::env::temp_dir().join(format!("hallyu-doc-renderer-{}.svg", std::process::id()));
    /// let picture = renderer.render_to_file(&d, &path)?;
    /// assert_eq!(std::fs::read(&path).unwrap(), picture.bytes());
    /// std::fs::remove_file(&path).unwrap();
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn render_to_file(&self, diagram: &Diagram, path: impl AsRef<Path>) -> Result<Rendered> {
        let picture = self.render(diagram)?;
        picture.write_to(path)?;
        Ok(picture)
    }

    fn builtin(&self, diagram: &Diagram, mut warnings: Vec<String>) -> Result<Rendered> {
        #[cfg(not(feature = "png"))]
        if self.options.format != Format::Svg {
            return Err(Error::render(NO_PNG));
        }
        let settings = builtin::Settings {
            layers: self.options.layers,
            legend: self.options.dot.get_legend(),
            font: self.options.dot.get_font(),
        };
        let (svg, more) = builtin::render(diagram, &settings);
        warnings.extend(more);
        #[cfg(feature = "png")]
        if self.options.format == Format::Png {
            let fonts = self
                .fonts
                .get_or_init(|| {
                    png::Fonts::load(&png::FontSources {
                        system: self.options.get_system_fonts(),
                        paths: self.options.font_paths.clone(),
                    })
                })
                .as_ref()
                .map_err(Error::clone)?;
            let (bytes, more) = png::rasterise(&svg, fonts, self.options.get_scale())?;
            warnings.extend(more);
            return Ok(Rendered {
                bytes,
                engine: Engine::Builtin,
                format: Format::Png,
                warnings,
            });
        }
        Ok(Rendered {
            bytes: svg.into_bytes(),
            engine: Engine::Builtin,
            format: Format::Svg,
            warnings,
        })
    }

    fn graphviz(&self, graphviz: &Graphviz, diagram: &Diagram) -> Result<Rendered> {
        let mut warnings = diagram.dangling_edges();
        let text = dot::to_dot(diagram, &self.options.dot);
        let (bytes, messages) = graphviz.run(
            &text,
            self.options.dot.get_layout().for_diagram(diagram),
            self.options.format,
        )?;
        warnings.extend(messages);
        if self.options.format == Format::Png
            && has_hangul(diagram)
            && let Some(false) = graphviz::has_korean_font()
        {
            warnings.push(
                "no font with Korean glyphs is installed: Hangul will show as empty boxes in the \
                 PNG (install fonts-nanum or fonts-noto-cjk, or use SVG)"
                    .to_string(),
            );
        }
        Ok(Rendered {
            bytes,
            engine: Engine::Graphviz,
            format: self.options.format,
            warnings,
        })
    }
}

/// Whether a character is Hangul (jamo, compatibility jamo or a syllable).
fn is_hangul(c: char) -> bool {
    matches!(c, '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{AC00}'..='\u{D7AF}')
}

fn has_hangul(diagram: &Diagram) -> bool {
    let hangul = |s: &str| s.chars().any(is_hangul);
    hangul(&diagram.title)
        || diagram.nodes.iter().any(|n| hangul(&n.label))
        || diagram.edges.iter().any(|e| hangul(&e.label))
}

/// Draws a diagram: [`Renderer::new`] then [`Renderer::render`].
///
/// # Errors
///
/// As [`Renderer::render`].
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::export::View;
/// use hallyu::render::{self, Engine, RenderOptions};
///
/// let explorer = Explorer::bundled();
/// let (a, b) = (explorer.person("lee-min-ho")?, explorer.person("Kim Woo-bin")?);
/// let diagram = View::path(a, b).diagram(&explorer)?;
/// let picture = render::render(&diagram, &RenderOptions::new().engine(Engine::Builtin))?;
/// let svg = picture.as_str().unwrap();
/// assert!(svg.contains("Lee Min-ho") && svg.contains("Kim Woo-bin"));
/// # Ok::<(), hallyu::Error>(())
/// ```
pub fn render(diagram: &Diagram, options: &RenderOptions) -> Result<Rendered> {
    Renderer::new(options.clone()).render(diagram)
}

/// Draws a diagram and writes it to a file.
///
/// # Errors
///
/// As [`Renderer::render`], and when the file cannot be written.
///
/// # Example
///
/// ```
/// use hallyu::render::{self, Engine, RenderOptions};
/// # use hallyu::export::{Diagram, NodeKind};
/// # use hallyu::model::{RoleKind, WorkKind};
/// # let mut d = Diagram::new("Palette");
/// # let iu = d.add_node("iu", NodeKind::Person, "IU");
/// # let mv = d.add_node("palette", NodeKind::Work(WorkKind::MusicVideo), "Palette (2017)");
/// # d.add_edge(iu, mv, RoleKind::Performer, "");
///
/// let path = std::env::temp_dir().join(format!("hallyu-doc-render-{}.svg", std::process::id()));
/// let options = RenderOptions::new().engine(Engine::Builtin);
/// render::render_to_file(&d, &options, &path)?;
/// assert!(std::fs::read_to_string(&path).unwrap().contains("Palette (2017)"));
/// std::fs::remove_file(&path).unwrap();
/// # Ok::<(), hallyu::Error>(())
/// ```
pub fn render_to_file(
    diagram: &Diagram,
    options: &RenderOptions,
    path: impl AsRef<Path>,
) -> Result<Rendered> {
    Renderer::new(options.clone()).render_to_file(diagram, path)
}
