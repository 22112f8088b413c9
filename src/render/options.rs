//! [`RenderOptions`]: how a diagram is drawn (engine, format, DOT options,
//! layers, Graphviz, scale and fonts).

use std::path::PathBuf;

use super::{DEFAULT_SCALE, DotOptions, Engine, Format, Graphviz, Layers};

/// How to draw a diagram.
///
/// Defaults: [`Engine::Auto`], [`Format::Svg`], the default [`DotOptions`]
/// (which also give the built-in renderer its legend and fonts),
/// [`Layers::Auto`]; for the built-in PNG, [`DEFAULT_SCALE`], the system's
/// fonts and those of [`FONT_ENV`](super::FONT_ENV).
///
/// # Example
///
/// ```
/// use hallyu::export::dot::{DotOptions, Layout};
/// use hallyu::render::{Engine, Format, RenderOptions};
///
/// let options = RenderOptions::new()
///     .engine(Engine::Graphviz)
///     .format(Format::Png)
///     .dot(DotOptions::new().layout(Layout::Neato));
/// assert_eq!(options.get_format(), Format::Png);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RenderOptions {
    pub(super) engine: Engine,
    pub(super) format: Format,
    pub(super) dot: DotOptions,
    pub(super) layers: Layers,
    pub(super) graphviz: Option<Graphviz>,
    pub(super) scale: Option<u32>,
    pub(super) no_system_fonts: bool,
    pub(super) font_paths: Vec<PathBuf>,
}

impl RenderOptions {
    /// The default options.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::render::{Engine, Format, Layers, RenderOptions};
    ///
    /// let options = RenderOptions::new();
    /// assert_eq!(options, RenderOptions::default());
    /// assert_eq!((options.get_engine(), options.get_format()), (Engine::Auto, Format::Svg));
    /// assert_eq!(options.get_layers(), Layers::Auto);
    /// ```
    pub fn new() -> RenderOptions {
        RenderOptions::default()
    }

    /// Sets the engine.
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
    /// assert_eq!(picture.engine(), Engine::Builtin);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn engine(mut self, engine: Engine) -> RenderOptions {
        self.engine = engine;
        self
    }

    /// Sets the format.
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
    /// let builtin = RenderOptions::new().engine(Engine::Builtin);
    /// let svg = render::render(&d, &builtin.clone().format(Format::Svg))?;
    /// assert!(svg.as_str().is_some());
    /// // Without the `png` feature, the built-in renderer draws no PNG.
    /// #[cfg(not(feature = "png"))]
    /// assert!(render::render(&d, &builtin.format(Format::Png)).is_err());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn format(mut self, format: Format) -> RenderOptions {
        self.format = format;
        self
    }

    /// Sets the DOT options (direction, clusters, legend, layout program,
    /// fonts). The built-in renderer uses the legend and font settings and
    /// always lays out left to right.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::export::dot::DotOptions;
    /// use hallyu::render::{self, Engine, RenderOptions};
    /// # use hallyu::export::{Diagram, NodeKind};
    /// # use hallyu::model::{RoleKind, WorkKind};
    /// # let mut d = Diagram::new("Palette");
    /// # let iu = d.add_node("iu", NodeKind::Person, "IU");
    /// # let mv = d.add_node("palette", NodeKind::Work(WorkKind::MusicVideo), "Palette (2017)");
    /// # d.add_edge(iu, mv, RoleKind::Performer, "");
    ///
    /// let options = RenderOptions::new()
    ///     .engine(Engine::Builtin)
    ///     .dot(DotOptions::new().font("Noto Sans KR").legend(false));
    /// let svg = render::render(&d, &options)?.into_bytes();
    /// assert!(String::from_utf8(svg).unwrap().contains("Noto Sans KR"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn dot(mut self, options: DotOptions) -> RenderOptions {
        self.dot = options;
        self
    }

    /// Sets how the built-in renderer chooses its columns.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::render::{self, Engine, Layers, RenderOptions};
    /// # use hallyu::export::{Diagram, NodeKind};
    /// # use hallyu::model::{RoleKind, WorkKind};
    /// # let mut d = Diagram::new("Palette");
    /// # let iu = d.add_node("iu", NodeKind::Person, "IU");
    /// # let mv = d.add_node("palette", NodeKind::Work(WorkKind::MusicVideo), "Palette (2017)");
    /// # d.add_edge(iu, mv, RoleKind::Performer, "");
    ///
    /// let builtin = RenderOptions::new().engine(Engine::Builtin);
    /// let by_kind = render::render(&d, &builtin.clone().layers(Layers::ByKind))?;
    /// let network = render::render(&d, &builtin.layers(Layers::Network))?;
    /// assert_ne!(by_kind.bytes(), network.bytes()); // placed differently
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn layers(mut self, layers: Layers) -> RenderOptions {
        self.layers = layers;
        self
    }

    /// Uses this Graphviz instead of looking for one.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::render::{self, Engine, Graphviz, RenderOptions};
    /// # use hallyu::export::{Diagram, NodeKind};
    /// # use hallyu::model::{RoleKind, WorkKind};
    /// # let mut d = Diagram::new("Palette");
    /// # let iu = d.add_node("iu", NodeKind::Person, "IU");
    /// # let mv = d.add_node("palette", NodeKind::Work(WorkKind::MusicVideo), "Palette (2017)");
    /// # d.add_edge(iu, mv, RoleKind::Performer, "");
    ///
    /// let missing = RenderOptions::new().graphviz(Graphviz::at("/no/such/dot"));
    /// // Engine::Auto falls back to the built-in renderer, and says why.
    /// let picture = render::render(&d, &missing)?;
    /// assert_eq!(picture.engine(), Engine::Builtin);
    /// assert!(picture.warnings()[0].contains("the program /no/such/dot was not found"));
    /// // Engine::Graphviz fails.
    /// assert!(render::render(&d, &missing.engine(Engine::Graphviz)).is_err());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn graphviz(mut self, graphviz: Graphviz) -> RenderOptions {
        self.graphviz = Some(graphviz);
        self
    }

    /// Sets how many PNG pixels the built-in renderer draws per SVG unit
    /// (default [`DEFAULT_SCALE`], for crisp text; 0 is taken as 1).
    /// Graphviz's PNG keeps its own size.
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
    /// let options = RenderOptions::new().engine(Engine::Builtin).scale(3);
    /// assert_eq!(options.get_scale(), 3);
    /// // Only the built-in PNG is scaled: the SVG stays the same.
    /// let svg = |o: &RenderOptions| render::render(&d, o).map(|p| p.into_bytes());
    /// assert_eq!(svg(&options)?, svg(&options.clone().scale(1))?);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn scale(mut self, scale: u32) -> RenderOptions {
        self.scale = Some(scale.max(1));
        self
    }

    /// Whether the built-in PNG uses the fonts of the system's font
    /// directories (default `true`). Turned off, only [`FONT_ENV`](super::FONT_ENV) and
    /// [`RenderOptions::font_path`] give fonts.
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
    /// let options = RenderOptions::new().engine(Engine::Builtin).format(Format::Png).system_fonts(false);
    /// assert!(!options.get_system_fonts());
    /// // With the `png` feature: no system fonts, no font paths, no `HALLYU_FONT`: no font.
    /// #[cfg(feature = "png")]
    /// if std::env::var_os(FONT_ENV).is_none() {
    ///     let err = render::render(&d, &options).unwrap_err();
    ///     assert!(err.to_string().starts_with("cannot draw PNG: no font found (looked in nowhere"));
    /// }
    /// ```
    pub fn system_fonts(mut self, on: bool) -> RenderOptions {
        self.no_system_fonts = !on;
        self
    }

    /// Adds a font file or a directory of fonts for the built-in PNG, like
    /// [`FONT_ENV`](super::FONT_ENV) does.
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
    /// let missing = std::env::temp_dir().join("hallyu-doc-no-such-font.ttf");
    /// let options = RenderOptions::new()
    ///     .engine(Engine::Builtin)
    ///     .format(Format::Png)
    ///     .system_fonts(false)
    ///     .font_path(&missing);
    /// assert_eq!(options.get_font_paths(), [missing.clone()]);
    /// // With the `png` feature, a path that is no font is an error, not skipped.
    /// #[cfg(feature = "png")]
    /// {
    ///     let err = render::render(&d, &options).unwrap_err();
    ///     assert!(err.to_string().contains("which is neither a font file nor a directory"));
    /// }
    /// ```
    pub fn font_path(mut self, path: impl Into<PathBuf>) -> RenderOptions {
        self.font_paths.push(path.into());
        self
    }

    /// The engine asked for with [`RenderOptions::engine`].
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::render::{Engine, RenderOptions};
    ///
    /// assert_eq!(RenderOptions::new().get_engine(), Engine::Auto);
    /// assert_eq!(RenderOptions::new().engine(Engine::Builtin).get_engine(), Engine::Builtin);
    /// ```
    pub fn get_engine(&self) -> Engine {
        self.engine
    }

    /// The format asked for with [`RenderOptions::format`].
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::render::{Format, RenderOptions};
    ///
    /// assert_eq!(RenderOptions::new().get_format(), Format::Svg);
    /// ```
    pub fn get_format(&self) -> Format {
        self.format
    }

    /// The DOT options set with [`RenderOptions::dot`].
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::export::dot::DotOptions;
    /// use hallyu::render::RenderOptions;
    ///
    /// let options = RenderOptions::new().dot(DotOptions::new().legend(false));
    /// assert!(!options.get_dot().get_legend());
    /// ```
    pub fn get_dot(&self) -> &DotOptions {
        &self.dot
    }

    /// How the built-in renderer chooses its columns, as
    /// [`RenderOptions::layers`] set it.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::render::{Layers, RenderOptions};
    ///
    /// assert_eq!(RenderOptions::new().get_layers(), Layers::Auto);
    /// ```
    pub fn get_layers(&self) -> Layers {
        self.layers
    }

    /// PNG pixels per SVG unit for the built-in PNG, as
    /// [`RenderOptions::scale`] set it.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::render::{DEFAULT_SCALE, RenderOptions};
    ///
    /// assert_eq!(RenderOptions::new().get_scale(), DEFAULT_SCALE);
    /// assert_eq!(RenderOptions::new().scale(0).get_scale(), 1);
    /// ```
    pub fn get_scale(&self) -> u32 {
        self.scale.unwrap_or(DEFAULT_SCALE)
    }

    /// Whether the built-in PNG uses the system's fonts, as
    /// [`RenderOptions::system_fonts`] set it.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::render::RenderOptions;
    ///
    /// assert!(RenderOptions::new().get_system_fonts());
    /// assert!(!RenderOptions::new().system_fonts(false).get_system_fonts());
    /// ```
    pub fn get_system_fonts(&self) -> bool {
        !self.no_system_fonts
    }

    /// The font files and directories added with
    /// [`RenderOptions::font_path`].
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::render::RenderOptions;
    ///
    /// let options = RenderOptions::new().font_path("fonts");
    /// assert_eq!(options.get_font_paths(), [std::path::PathBuf::from("fonts")]);
    /// ```
    pub fn get_font_paths(&self) -> &[PathBuf] {
        &self.font_paths
    }
}
