/** Entry of commands.html: associates the ribbon actions once Office is ready. */
import { associateCommands } from "./actions";

Office.onReady(() => {
  associateCommands();
});
