/**
 * Publishing on praksis.dk (seed 003, "Praksis.dk"): newsletter requests with the handbook's seven points, approved
 * by the parties the author picks before they go to the web editors, the editors' desk with its questions and
 * status, and the sending to the subscribers of the request's audience and the public news page.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"directory", "mail", "pko", "platform", "security"})
package dk.samspil.publishing;
