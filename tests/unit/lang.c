/* Unit test of lib/lang: the language of a few invented sentences. */
#include <stdio.h>
#include <string.h>

#include "lang/lang.h"

static int failed;

static void
check_british(const char *what, const char *text, int want)
{
	int got = lang_british(text, strlen(text));

	if (got != want) {
		printf("FAIL british %s: got %d, want %d\n", what, got, want);
		failed = 1;
	}
}

static void
check(const char *what, const char *text, const char *want)
{
	const char *got = lang_guess(text, strlen(text));

	if (got != want && (!got || !want || strcmp(got, want) != 0)) {
		printf("FAIL %s: got %s, want %s\n", what, got ? got : "NULL",
		    want ? want : "NULL");
		failed = 1;
	}
}

int
main(void)
{
	check("english", "The council said on Monday that it was ready to"
	    " vote on the plan, which has been in the works for a year and"
	    " would be paid for by the town.", "en");
	check("german", "Der Rat hat am Montag gesagt, dass er bereit ist, \xc3\xbc"
	    "ber den Plan abzustimmen. Die Stadt wird ihn auch mit den Mitteln"
	    " des Landes bezahlen, sagte sie bei einer Sitzung.", "de");
	check("spanish", "El consejo dijo el lunes que est\xc3\xa1 listo para"
	    " votar el plan, que la ciudad pagar\xc3\xa1 con los fondos del"
	    " estado y de las empresas de la regi\xc3\xb3n.", "es");
	check("french", "Le conseil a dit lundi qu'il est pr\xc3\xaat \xc3\xa0"
	    " voter sur le plan, que la ville paiera avec les fonds de"
	    " l'\xc3\xa9tat et des entreprises de la r\xc3\xa9gion dans"
	    " cette ann\xc3\xa9" "e.", "fr");
	check("italian", "Il consiglio ha detto luned\xc3\xac che \xc3\xa8"
	    " pronto a votare il piano, che la citt\xc3\xa0 pagher\xc3\xa0"
	    " con i fondi della regione e delle imprese del territorio, come"
	    " sono anche gli altri.", "it");
	check("dutch", "De raad heeft maandag gezegd dat hij klaar is om over"
	    " het plan te stemmen, dat de stad met het geld van de provincie"
	    " en van een aantal bedrijven zal betalen.", "nl");
	check("portuguese", "O conselho disse na segunda-feira que est\xc3\xa1"
	    " pronto para votar o plano, que a cidade vai pagar com os fundos"
	    " do estado e das empresas da regi\xc3\xa3o, pela primeira vez"
	    " em dez anos.", "pt");
	check("polish", "Rada powiedzia\xc5\x82" "a w poniedzia\xc5\x82" "ek,"
	    " \xc5\xbc" "e jest gotowa g\xc5\x82osowa\xc4\x87 nad planem,"
	    " kt\xc3\xb3ry miasto zap\xc5\x82" "aci z funduszy regionu i od"
	    " firm, ale nie jest to jeszcze pewne, jak si\xc4\x99 okazuje.", "pl");
	check("capitals count", "THE COUNCIL SAID ON MONDAY THAT IT WAS READY"
	    " TO VOTE ON THE PLAN, WHICH HAS BEEN IN THE WORKS.", "en");
	check("too few words", "The plan of the town.", NULL);
	check("no words", "12/04/2020 10:15 -- 3.5 %", NULL);
	check("empty", "", NULL);
	check("names only", "Acme Corp, Globex, Initech, Umbrella, Hooli,"
	    " Vandelay Industries, Soylent, Tyrell", NULL);
	/* half English, half German: neither has twice the other's words */
	check("mixed", "The council said that it was ready to vote. Der Rat"
	    " hat gesagt, dass er bereit ist, und die Stadt wird zahlen.", NULL);
	check_british("british", "The neighbours organised a party in the town"
	    " centre and travelled home late.", 1);
	check_british("american", "The neighbors organized a party in the town"
	    " center and traveled home late.", 0);
	check_british("one word", "The neighbours held a party on Friday.", 0);
	check_british("pound sign", "Tickets cost \302\24315 at the centre.", 1);
	/* words that only start like a stem: no British "organism",
	 * "Mumbai", "criticism", "realistic"; no American "laboratory",
	 * "catalogue" */
	check_british("british look-alikes", "An organism from Mumbai drew"
	    " realistic criticism.", 0);
	check_british("american look-alikes", "The colour of the laboratory"
	    " catalogue.", 1);
	check_british("more american", "The colour of the center, the color of the"
	    " theater, the behavior of the harbor.", 0);
	check_british("empty", "", 0);
	if (!failed)
		printf("lang: ok\n");
	return failed;
}
