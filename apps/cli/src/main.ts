import { Command, CommanderError } from 'commander';
import { registerCheckCommand } from './commands/check.ts';
import { registerDbCommands } from './commands/db.ts';
import { registerDemoCommand } from './commands/demo.ts';
import { registerEvaluateCommand } from './commands/evaluate.ts';
import { registerImportPlanCommand } from './commands/import.ts';
import { registerRegionCommands } from './commands/region.ts';
import { registerReportCommands } from './commands/report.ts';
import { registerSpreadsheetCommands } from './commands/spreadsheet.ts';
import { CliError } from './errors.ts';

// `minsheng ... | head` closes stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const program = new Command('minsheng')
  .description('Minsheng (民生): public-service plans, their targets and their reports')
  .showHelpAfterError()
  .exitOverride();

registerRegionCommands(program);
registerDemoCommand(program);
registerReportCommands(program);
registerCheckCommand(program);
registerEvaluateCommand(program);
registerImportPlanCommand(program);
registerSpreadsheetCommands(program);
registerDbCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else if (error instanceof CliError) {
    process.stderr.write(`minsheng: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    // Anything else is a bug: say so plainly, without a stack trace unless asked.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`minsheng: internal error: ${message}\n`);
    if (process.env.MINSHENG_DEBUG) console.error(error);
    process.exitCode = 70;
  }
}
