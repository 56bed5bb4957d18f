/**
 * Declarative parameters (SPEC §0): each parameter of a game, algorithm or experiment is declared
 * once as a {@link org.mfgkit.core.param.Param} (name, type, default, checks, one-line doc),
 * grouped in a {@link org.mfgkit.core.param.ParamSchema}; {@link org.mfgkit.core.param.ParamValues}
 * are the validated assignments. Parsing ({@code --set} text and JSON), validation messages, help
 * text, equality and the echo in results all derive from the declaration. The checks live once, in
 * {@link org.mfgkit.core.param.Checks}.
 */
package org.mfgkit.core.param;
