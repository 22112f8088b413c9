//! Pictures: `draw`.

use std::io::{self, IsTerminal, Write};

use hallyu::export::dot;
use hallyu::render::{Engine, Format, RenderOptions, Renderer};

use super::{Cx, view, write_result};
use crate::Failure;
use crate::args::{EngineArg, PictureArgs, PictureFormat, ViewCmd};
use crate::out::escape_controls;

pub fn draw(cx: Cx<'_>, cmd: &ViewCmd, picture: &PictureArgs) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let format = match (picture.format, &picture.out) {
        (Some(f), _) => f,
        (None, Some(path)) => match path
            .extension()
            .and_then(|x| x.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("dot" | "gv") => PictureFormat::Dot,
            Some("png") => PictureFormat::Png,
            Some("svg") | None => PictureFormat::Svg,
            Some(other) => {
                return Err(Failure::Usage(format!(
                    "unknown picture format .{other}: use --format dot, svg or png"
                )));
            }
        },
        (None, None) => PictureFormat::Svg,
    };
    if format == PictureFormat::Png && picture.out.is_none() && io::stdout().is_terminal() {
        return Err(Failure::Usage(
            "a PNG picture is not for a terminal: give --out FILE or pipe it".into(),
        ));
    }
    let diagram = {
        let _busy = matches!(cmd, ViewCmd::Communities { .. })
            .then(|| crate::source::Busy::new(ex, "finding communities"));
        view(ex, filter, cmd)?.diagram(ex)?
    };
    if matches!(cmd, ViewCmd::Communities { .. })
        && let Some((_, left_out)) = diagram.title.split_once('\n')
    {
        eprintln!("{}", escape_controls(left_out));
    }
    let bytes = match format {
        PictureFormat::Dot => dot::to_dot(&diagram, &dot::DotOptions::new()).into_bytes(),
        PictureFormat::Svg | PictureFormat::Png => {
            let engine = match picture.engine {
                EngineArg::Auto => Engine::Auto,
                EngineArg::Graphviz => Engine::Graphviz,
                EngineArg::Builtin => Engine::Builtin,
            };
            let f = if format == PictureFormat::Png {
                Format::Png
            } else {
                Format::Svg
            };
            let made =
                Renderer::new(RenderOptions::new().engine(engine).format(f)).render(&diagram)?;
            let mut err = io::stderr().lock();
            for w in made.warnings() {
                let _ = writeln!(err, "warning: {}: {w}", made.engine().name());
            }
            made.into_bytes()
        }
    };
    write_result(picture.out.as_deref(), &bytes, out)
}
