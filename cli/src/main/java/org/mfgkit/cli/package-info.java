/** mfgkit cli module. */
package org.mfgkit.cli;
